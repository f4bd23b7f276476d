"""certassist."""
