"""The reading side: the Datasette plugin, its pages, and `timeline serve`."""
