"""The flows a user can start, by id, with what each starts from: no imports beyond the
standard library, so the start page can name and enable its buttons before anything is read.
What each flow does is in `ops.flows` (plan/execute) and `ops.flows_renewal`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum


class FlowId(StrEnum):
    """The flows a user can start (the GUI's wizards, the CLI's commands), in the order the
    start page shows them."""

    INSTALL = "install"
    BACKUP = "backup"
    RESTORE = "restore"  # on another PC also retires the certificate a transfer backup replaces
    COPY = "copy"
    TRANSFER = "spread"  # bring a renewed certificate to the other PCs (a marked backup)
    RENEW = "renew"  # VECOZO renewal guide, or a new UZI key and request (flows_renewal)
    UZI_PAIR = "uzi_pair"  # the issued UZI certificate with its pending key (flows_renewal)
    REMOVE = "remove"


class Selection(StrEnum):
    """What a flow starts from, so a face knows what to ask (the start page what to enable)."""

    FILE = "file"  # a certificate file or backup: never the certificate chosen in a list
    ONE = "one"  # one chosen certificate (nothing chosen: the flow cannot start)
    MANY = "many"  # one or more certificates (nothing chosen: the flow's list asks)
    REQUEST = "request"  # a pending UZI request (the chosen certificate's, if it has one)


@dataclass(frozen=True)
class FlowTraits:
    """One row per flow: what it starts from and which certificates it can act on."""

    selection: Selection
    needs_key: bool = False  # only certificates whose private key is here (they are exported)


FLOW_TRAITS: Mapping[FlowId, FlowTraits] = {
    FlowId.INSTALL: FlowTraits(Selection.FILE),
    FlowId.RESTORE: FlowTraits(Selection.FILE),
    FlowId.BACKUP: FlowTraits(Selection.MANY, needs_key=True),
    FlowId.TRANSFER: FlowTraits(Selection.ONE, needs_key=True),
    FlowId.COPY: FlowTraits(Selection.ONE, needs_key=True),
    FlowId.REMOVE: FlowTraits(Selection.ONE),
    FlowId.RENEW: FlowTraits(Selection.ONE),
    FlowId.UZI_PAIR: FlowTraits(Selection.REQUEST),
}


def flow_traits(flow_id: FlowId | str) -> FlowTraits:
    return FLOW_TRAITS[FlowId(flow_id)]
