"""Benchmarks for fazhi_desktop: ``python -m bench [--quick]`` (see README)."""
