"""Benchmarks: each one command in the README (not collected by the test suite)."""
