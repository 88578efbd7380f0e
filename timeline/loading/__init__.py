"""The stages of ``timeline load``, one module each; ``timeline/load.py`` runs them in order."""
