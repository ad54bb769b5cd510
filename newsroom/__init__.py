"""The demo newsroom: seven fictional news outlets served from 127.0.0.1, for
`newswatch demo`, the tests and the benches (not a pipeline stage).

    texts      story texts per language (`stories/*.yaml`) as records
    composer   one story kind -> many different articles (choices, paraphrases, voices)
    slots      the names, places and numbers drawn into an article
    generator  outlets, the article records and the three weeks of news plus a burst
    render     pages, feeds, sitemaps and robots.txt from the records
    server     the HTTP server: `start_newsroom()`; `python -m newsroom` serves one
"""
