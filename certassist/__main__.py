import sys

from certassist.cli import main

sys.exit(main())
