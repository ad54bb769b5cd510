"""The bundled default config: `outlets.yaml`, `topics.yaml`, `settings.yaml`.

A package only so that the files install with Newswatch (package data); `tasks/config.py`
reads them from here. A folder of your own goes through `--config DIR`.
"""
