"""DealMap (大客户决策地图): map a key account's buying group and know what to do next with each person."""

__version__ = "0.1.0"
