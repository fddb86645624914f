"""The public JSON API: one NinjaAPI, its error shape, body guard and schema (docs/api.md).

Domain apps keep their operations in `<app>/api.py` as a `ninja.Router` and register it with
`api.site.register(router)`; `ApiConfig.ready()` imports every app's `api` module.
"""
