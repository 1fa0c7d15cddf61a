"""The benchmark behind `invoke bench`: see run.py."""
