"""The demo deal shipped with DealMap: a fictional MES upgrade at a manufacturer."""
