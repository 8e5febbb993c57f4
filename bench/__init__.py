"""The benchmark: `make bench` (python -m bench) writes bench/results.json and prints it."""
