"""The made-up test PKI for every test: `from tests.pki import TestPKI, pfx, ...`."""

from certassist.demo.pki import *  # noqa: F403
from certassist.demo.pki import __all__ as __all__
