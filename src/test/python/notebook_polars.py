# SPDX-License-Identifier: GPL-3.0-or-later
"""The notebook way with polars, the fastest dataframe peer: the same features and forest as notebook_pipeline.py.

Usage (a virtual environment with today's versions, as ProcessBench makes one):
    python3 -m venv v && v/bin/pip install scikit-learn pandas polars
    v/bin/python src/test/python/notebook_polars.py INPUT.csv OUTPUT.csv

Features as the workbench's defaults (log bytes, out/in ratio, session length, port, status class, protocol and
country frequency, per-IP record count and volume vs the IP's median); IsolationForest with 100 trees,
max_samples=256, contamination 0.05, n_jobs=-1 (every core), random_state=42. Polars reads and computes on every core.
"""
import sys
import time

import numpy as np
import polars as pl
from sklearn.ensemble import IsolationForest


def main(src, dst):
    t0 = time.perf_counter()
    df = pl.read_csv(src, try_parse_dates=True, infer_schema_length=10000)
    t1 = time.perf_counter()
    code = pl.col("response.code").cast(pl.Utf8)
    vol = (pl.col("bytes_in") + pl.col("bytes_out")).log1p()
    f = df.select(
        pl.col("bytes_in").log1p().alias("bytes_in"),
        pl.col("bytes_out").log1p().alias("bytes_out"),
        (pl.col("bytes_out").log1p() - pl.col("bytes_in").log1p()).alias("ratio"),
        (pl.col("end_time") - pl.col("creation_time")).dt.total_milliseconds().truediv(1000).alias("duration"),
        pl.col("dst_port").alias("port"),
        pl.when(code.str.len_chars() == 3).then(code.str.slice(0, 1)).otherwise(pl.lit("0")).cast(pl.Int32).alias("status"),
        (pl.len().over("protocol") / pl.len()).alias("protocol"),
        (pl.len().over("src_ip_country_code") / pl.len()).alias("country"),
        pl.len().over("src_ip").log().alias("ip_records"),
        (vol - vol.median().over("src_ip")).alias("ip_volume"),
    )
    f = f.select([c for c in f.columns if f[c].n_unique() > 1])
    x = f.to_numpy()
    t2 = time.perf_counter()
    model = IsolationForest(n_estimators=100, max_samples=256, contamination=0.05, n_jobs=-1, random_state=42)
    model.fit(x)
    t3 = time.perf_counter()
    score = -model.score_samples(x)
    label = model.predict(x)
    t4 = time.perf_counter()
    df.with_columns(pl.Series("anomaly_score", score), pl.Series("label", label)).write_csv(dst)
    t5 = time.perf_counter()
    ms = lambda a, b: round((b - a) * 1000)
    print(f"import {ms(t0, t1)} features {ms(t1, t2)} fit {ms(t2, t3)} score {ms(t3, t4)} write {ms(t4, t5)} total {ms(t0, t5)} (ms), "
          f"{df.height:,} rows, {int((label == -1).sum()):,} flagged")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
