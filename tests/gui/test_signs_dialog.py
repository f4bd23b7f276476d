"""R14 in the window: a UZI renewal waiting for the portal's two signs is offered as "Tekens
bevestigen" on the start page's reminder (not "Vernieuwing starten": it was renewed), and the
dialog records what the user ticked through the same records as `renew uzi confirm-signs`."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from certassist.core.models import Environment
from certassist.core.settings import PracticeSettings
from certassist.gui.context import AppContext
from certassist.gui.reminder_banner import banner_view
from certassist.gui.signs_dialog import SignsDialog, confirm_signs, gui_op_context
from certassist.ops.check import run_check
from certassist.ops.uzi_signs import RenewedUzi, Sign

from .conftest import TODAY

NEW = "AB" * 32


def waiting(ctx: AppContext, old_days: int) -> RenewedUzi:
    renewed = RenewedUzi(
        fingerprint=NEW,
        host="portaal.delinde.example",
        environment=Environment.PRODUCTION,
        paired_on=TODAY - timedelta(days=20),
        new_expiry=TODAY + timedelta(days=3 * 365),
        old_fingerprint="CD" * 32,
        old_expiry=TODAY + timedelta(days=old_days),
    )
    return gui_op_context(ctx).records.uzi_signs.keep(renewed)


def report(ctx: AppContext) -> Any:
    return run_check([], [], PracticeSettings(), TODAY,
                     renewals=gui_op_context(ctx).records.uzi_signs.all())  # fmt: skip


def test_the_reminder_offers_to_confirm_the_signs_and_the_dialog_records_them(
    ctx: AppContext, qtbot: Any
) -> None:
    waiting(ctx, old_days=5)  # DigiD would go off 2 days ago: the confirmation is due
    view = banner_view(report(ctx), [], "nl")
    assert view is not None
    (row,) = view.rows
    assert row.action is not None and row.action.kind == "signs"
    assert row.action.label == "Tekens bevestigen" and row.action.fingerprint == NEW
    assert "tekens bevestigen" in row.text

    def tick_both(dialog: SignsDialog) -> bool:
        qtbot.addWidget(dialog)
        assert all(box.isEnabled() for box in dialog.boxes.values())
        for box in dialog.boxes.values():
            box.setChecked(True)
        return True

    done = confirm_signs(ctx, row.action.fingerprint, ask=tick_both)
    assert done is not None and done.confirmed
    assert banner_view(report(ctx), [], "nl") is None  # nobody asks any more
    (line,) = [r for r in ctx.audit.read() if r.what == "confirm-signs"]
    assert line.rules == ("R14",) and line.fingerprint == NEW


def test_before_the_switch_off_day_only_the_warning_can_be_ticked(
    ctx: AppContext, qtbot: Any
) -> None:
    waiting(ctx, old_days=40)

    def tick_what_can_be(dialog: SignsDialog) -> bool:
        qtbot.addWidget(dialog)
        assert not dialog.boxes[Sign.DIGID_VISIBLE].isEnabled()
        dialog.boxes[Sign.WARNING_GONE].setChecked(True)
        return True

    done = confirm_signs(ctx, NEW, ask=tick_what_can_be)
    assert done is not None and not done.confirmed and done.warning_gone_on == TODAY
    assert confirm_signs(ctx, NEW, ask=lambda d: False) is None  # cancelled: nothing recorded
    (item,) = [i for i in report(ctx).items if i.state == "confirm-signs"]
    assert item.message_id == "W-R14-confirm-sign-digid"
