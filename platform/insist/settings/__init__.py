"""Settings, split by environment: ``base`` holds what every environment shares;
``dev``, ``test`` and ``production`` each import it and change what differs."""
