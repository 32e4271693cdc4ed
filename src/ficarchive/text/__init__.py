"""The reading of fic documents. Pure Python: nothing here imports Django."""
