"""One file per schema change, oldest first; never edit one after it has landed."""
