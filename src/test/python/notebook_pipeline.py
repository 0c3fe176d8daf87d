# SPDX-License-Identifier: GPL-3.0-or-later
"""The notebook way, for comparison with PipelineBench: pandas + scikit-learn doing the same stages.

Usage (ProcessBench makes a virtual environment with today's versions; Debian's python3-pandas and python3-sklearn work too):
    /usr/bin/python3 src/test/python/notebook_pipeline.py INPUT.csv OUTPUT.csv

Same features as the workbench's defaults (log bytes, out/in ratio, session length, port, status class,
protocol and country frequency, per-IP record count and volume vs the IP's median), IsolationForest with
100 trees, max_samples=256, contamination 0.05, n_jobs=2 (both cores), random_state=42.
"""
import sys
import time

import numpy as np
import pandas as pd
from sklearn.ensemble import IsolationForest


def main(src, dst):
    t0 = time.perf_counter()
    df = pd.read_csv(src)
    for c in ("creation_time", "end_time", "time"):
        df[c] = pd.to_datetime(df[c], utc=True)
    t1 = time.perf_counter()
    f = pd.DataFrame(index=df.index)
    f["bytes_in"] = np.log1p(df["bytes_in"])
    f["bytes_out"] = np.log1p(df["bytes_out"])
    f["ratio"] = f["bytes_out"] - f["bytes_in"]
    f["duration"] = (df["end_time"] - df["creation_time"]).dt.total_seconds()
    f["port"] = df["dst_port"]
    f["status"] = df["response.code"].astype(str).str[0].where(df["response.code"].astype(str).str.len() == 3, "0").astype(int)
    f["protocol"] = df["protocol"].map(df["protocol"].value_counts(normalize=True))
    f["country"] = df["src_ip_country_code"].map(df["src_ip_country_code"].value_counts(normalize=True))
    f["ip_records"] = np.log(df.groupby("src_ip")["src_ip"].transform("size"))
    vol = np.log1p(df["bytes_in"] + df["bytes_out"])
    f["ip_volume"] = vol - vol.groupby(df["src_ip"]).transform("median")
    f = f.loc[:, f.nunique() > 1]
    t2 = time.perf_counter()
    model = IsolationForest(n_estimators=100, max_samples=256, contamination=0.05, n_jobs=2, random_state=42)
    model.fit(f.values)
    t3 = time.perf_counter()
    df["anomaly_score"] = -model.score_samples(f.values)
    df["label"] = model.predict(f.values)
    t4 = time.perf_counter()
    df.to_csv(dst, index=False)
    t5 = time.perf_counter()
    ms = lambda a, b: round((b - a) * 1000)
    print(f"import {ms(t0, t1)} features {ms(t1, t2)} fit {ms(t2, t3)} score {ms(t3, t4)} write {ms(t4, t5)} total {ms(t0, t5)} (ms), "
          f"{len(df):,} rows, {int((df['label'] == -1).sum()):,} flagged")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
