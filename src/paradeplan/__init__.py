"""paradeplan: plan parades, convoys and ceremonies on real streets."""

__version__ = "0.1.0"
