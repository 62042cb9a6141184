"""The HTTP edge: `create_app(db)` in app.py builds the FastAPI service (`rapportkoll serve`).

    app.py        create_app(db) -> FastAPI: the app, its middleware and the one error body
    routes.py     the endpoints, one function per group (answers, figures, catalogue, findings, meta)
    state.py      AppState: what the routes share, read once; the checks of a measure, document or mode
    render.py     the shared paging, format and dialect parameters; a JSON page or a whole download
    models.py     the pydantic response models (pydantic appears only here, at the edge)
    downloads.py  whole results as xlsx workbooks, shared with `rapportkoll export` and `series`
    pages.py      a report page as a PNG, with the quoted passage marked
    docs.py       /docs served offline (Swagger UI from swagger-ui-py)
    head.py       HEAD answered as GET
    web.py        the single-page UI at / and its files in static/

Nothing is imported here, so `api.http.downloads` can be used without FastAPI loading.
"""
