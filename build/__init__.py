"""Buoy's build code: plain functions that tasks.py wires to invoke verbs."""
