"""The imperative shell: the only package that imports Streamlit. `app` opens a view (data,
filters, options from the link), `state` keeps the URL and widgets in step, `sidebar`,
`present`, `charts`, `tables` and `maintain` draw their parts."""
