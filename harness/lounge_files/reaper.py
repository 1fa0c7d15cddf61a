"""A child of harness/lounge.py that outlives the test process only to stop the servers: it reads
process group ids from a pipe, and when the pipe closes because the test process died (even by
SIGKILL), it kills them. ngIRCd drops root for "nobody", which rules out PR_SET_PDEATHSIG."""

import contextlib
import os
import signal
import sys

groups = [int(line) for line in sys.stdin]
for group in groups:
    with contextlib.suppress(OSError):
        os.killpg(group, signal.SIGKILL)
