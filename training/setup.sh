#!/bin/sh
# Installs what training/ needs on Debian 12: PyTorch (CPU) and NumPy from Debian, plus OpenBLAS, which
# replaces the reference BLAS (~1.5 GFLOP/s) with ~40 GFLOP/s per thread. Run as root.
# Use Debian's interpreter afterwards: /usr/bin/python3 (a pyenv python3 on PATH will not see these).
set -eu
apt-get update
apt-get install -y --no-install-recommends libopenblas0-pthread python3-numpy python3-torch
/usr/bin/python3 -c 'import torch, numpy; print("torch", torch.__version__, "numpy", numpy.__version__)'
