"""Made-up ("VERZONNEN") certificates for tests and `certassist --demo`.

Nothing in this package is a real VECOZO or UZI-register certificate: every name carries
"VERZONNEN" or "Fictief", so a screenshot or a stray file can never be mistaken for the real thing.
"""
