import sys

from mentorjournal.cli import main

sys.exit(main())
