"""Stage 3, topics: summaries embedded, clustered into topic maps, every trace classified."""

import os

# OpenMP threads that wait by sleeping, not spinning. Must be set before the first OpenMP
# runtime loads: clustering loads one (scikit-learn, numba) before naming loads torch, which then
# shares it. On a busy machine spinning threads burn the cores their peers need: measured 8-10
# texts/s spinning vs 73-101 texts/s passive, 2 threads, load ~7 on 2 cores (docs/benchmarks.md
# "Scale"); 300 phrases embedded after a clustering in the same process took 4.1-5.4 CPU-s
# instead of 0.6-0.8 ("Subset clustering"). A deployment can still override it.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
