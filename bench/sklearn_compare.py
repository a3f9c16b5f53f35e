#!/usr/bin/python3
"""Compares Buyalign's win-model builder with scikit-learn on the public Maven CRM data set.

Joins sales_pipeline.csv with accounts.csv, products.csv and sales_teams.csv into one CSV of
closed deals (Won or Lost), splits it in time (deals closed before the cut-off train, the later
ones test), then trains and scores on the same split:
  - Buyalign: `buyalign model evaluate --csv train.csv --test test.csv` (both its models), and
    `model train` on its own for the training time;
  - scikit-learn: HistGradientBoostingClassifier (native categorical support) and
    LogisticRegression (one-hot + standardised numbers), default settings.
Prints AUC, Brier, log loss, ECE (10 bins), calibration-plot data and training seconds as JSON.

Leaky columns are left out on purpose: close_value is 0 for every lost deal, and close_date is
not known before a deal closes (it only defines the split).

Timing: wall seconds are noisy on a shared machine, so CPU seconds are reported too. Run it with
OMP_NUM_THREADS=1 for a like-for-like single-core comparison (both sides use OpenMP).

Test tool only: scikit-learn is never a product dependency. Run with the system Python:
  /usr/bin/python3 bench/sklearn_compare.py --buyalign build/src/cli/buyalign
"""
import argparse
import csv
import datetime
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

import numpy as np
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import brier_score_loss, log_loss, roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, OrdinalEncoder, StandardScaler
from sklearn.impute import SimpleImputer

CATEGORIES = ["sales_agent", "manager", "regional_office", "product", "series", "account",
              "sector", "office_location", "subsidiary_of"]
NUMBERS = ["sales_price", "revenue", "employees", "year_established", "engage_days",
           "engage_month"]
COLUMNS = ["opportunity_id", "sales_agent", "manager", "regional_office", "product", "series",
           "sales_price", "account", "sector", "revenue", "employees", "year_established",
           "office_location", "subsidiary_of", "has_account", "engage_date", "close_date",
           "deal_stage"]


def read(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def join(data_dir):
    """Closed deals with their account, product and team attributes, one dict per deal."""
    accounts = {r["account"]: r for r in read(os.path.join(data_dir, "accounts.csv"))}
    # The pipeline says "GTXPro" where products.csv says "GTX Pro": match without spaces.
    products = {r["product"].replace(" ", ""): r for r in read(os.path.join(data_dir, "products.csv"))}
    teams = {r["sales_agent"]: r for r in read(os.path.join(data_dir, "sales_teams.csv"))}
    deals = []
    for r in read(os.path.join(data_dir, "sales_pipeline.csv")):
        if r["deal_stage"] not in ("Won", "Lost"):
            continue
        account = accounts.get(r["account"], {})
        product = products.get(r["product"].replace(" ", ""), {})
        team = teams.get(r["sales_agent"], {})
        deals.append({
            "opportunity_id": r["opportunity_id"],
            "sales_agent": r["sales_agent"],
            "manager": team.get("manager", ""),
            "regional_office": team.get("regional_office", ""),
            "product": r["product"],
            "series": product.get("series", ""),
            "sales_price": product.get("sales_price", ""),
            "account": r["account"],
            "sector": account.get("sector", ""),
            "revenue": account.get("revenue", ""),
            "employees": account.get("employees", ""),
            "year_established": account.get("year_established", ""),
            "office_location": account.get("office_location", ""),
            "subsidiary_of": account.get("subsidiary_of", ""),
            "has_account": "yes" if r["account"] else "no",
            "engage_date": r["engage_date"],
            "close_date": r["close_date"],
            "deal_stage": r["deal_stage"],
        })
    return deals


def write(path, deals):
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(deals)


def ece(p, y, bins=10):
    edges = np.minimum((p * bins).astype(int), bins - 1)
    total = 0.0
    for b in range(bins):
        mask = edges == b
        if mask.any():
            total += mask.sum() * abs(p[mask].mean() - y[mask].mean())
    return total / len(p)


def calibration(p, y, bins=10):
    edges = np.minimum((p * bins).astype(int), bins - 1)
    out = []
    for b in range(bins):
        mask = edges == b
        n = int(mask.sum())
        out.append([b / bins, (b + 1) / bins, n, float(p[mask].mean()) if n else 0.0,
                    float(y[mask].mean()) if n else 0.0])
    return out


def metrics(p, y, seconds, cpu_seconds):
    return {"auc": roc_auc_score(y, p), "brier": brier_score_loss(y, p),
            "log_loss": log_loss(y, np.clip(p, 1e-15, 1 - 1e-15)), "ece": ece(p, y),
            "n": int(len(y)), "train_seconds": seconds, "train_cpu_seconds": cpu_seconds,
            "calibration": calibration(p, y)}


def frame(deals):
    """Numeric matrix for scikit-learn: categories as strings, numbers as floats (NaN missing)."""
    epoch = datetime.date(1970, 1, 1)
    cats = np.array([[d[c] for c in CATEGORIES] for d in deals], dtype=object)
    nums = []
    for d in deals:
        engage = datetime.date.fromisoformat(d["engage_date"]) if d["engage_date"] else None
        row = []
        for c in NUMBERS[:4]:
            row.append(float(d[c]) if d[c] else np.nan)
        row.append((engage - epoch).days if engage else np.nan)
        row.append(engage.month if engage else np.nan)
        nums.append(row)
    return cats, np.array(nums, dtype=float)


def sklearn_models(train, test, seed):
    y_train = np.array([d["deal_stage"] == "Won" for d in train], dtype=float)
    y_test = np.array([d["deal_stage"] == "Won" for d in test], dtype=float)
    cats_train, nums_train = frame(train)
    cats_test, nums_test = frame(test)
    results = {}

    encoder = OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=-1,
                             encoded_missing_value=-1)
    started, cpu = time.perf_counter(), time.process_time()
    codes_train = encoder.fit_transform(cats_train)
    x_train = np.hstack([codes_train, nums_train])
    hgb = HistGradientBoostingClassifier(
        categorical_features=list(range(len(CATEGORIES))), random_state=seed)
    hgb.fit(x_train, y_train)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    x_test = np.hstack([encoder.transform(cats_test), nums_test])
    results["sklearn_hist_gradient_boosting"] = metrics(hgb.predict_proba(x_test)[:, 1], y_test,
                                                        seconds, cpu)

    n_cat = len(CATEGORIES)
    pre = ColumnTransformer([
        ("cat", OneHotEncoder(handle_unknown="ignore"), list(range(n_cat))),
        ("num", make_pipeline(SimpleImputer(), StandardScaler()),
         list(range(n_cat, n_cat + len(NUMBERS)))),
    ])
    x_train_mixed = np.hstack([cats_train, nums_train.astype(object)])
    x_test_mixed = np.hstack([cats_test, nums_test.astype(object)])
    started, cpu = time.perf_counter(), time.process_time()
    logistic = make_pipeline(pre, LogisticRegression(max_iter=2000))
    logistic.fit(x_train_mixed, y_train)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    results["sklearn_logistic"] = metrics(logistic.predict_proba(x_test_mixed)[:, 1], y_test,
                                          seconds, cpu)
    return results


def buyalign_models(tool, train_csv, test_csv, out_dir, seed):
    common = ["--target", "deal_stage", "--positive", "Won", "--id", "opportunity_id",
              "--drop", "close_date", "--seed", str(seed)]
    model = os.path.join(out_dir, "model.json")
    started, cpu = time.perf_counter(), resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([tool, "model", "train", "--csv", train_csv, "--out", model] + common,
                   check=True, stdout=subprocess.DEVNULL)
    train_wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # CPU time of the whole command: reading the CSV, both models, calibration, writing the file.
    train_cpu = (after.ru_utime - cpu.ru_utime) + (after.ru_stime - cpu.ru_stime)
    result = subprocess.run([tool, "model", "evaluate", "--csv", train_csv, "--test", test_csv]
                            + common, check=True, capture_output=True, text=True)
    report = json.loads(result.stdout)
    out = {}
    for name, m in report["models"].items():
        m = dict(m)
        m["train_seconds"] = report["train_seconds"]
        out["buyalign_" + name] = m
    return out, train_wall, train_cpu


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--buyalign", required=True, help="binary with the `model` command")
    parser.add_argument("--data", default="/work/shared/data/maven-crm")
    parser.add_argument("--cutoff", default="2017-10-01", help="first close date of the test set")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", help="directory to keep train.csv and test.csv in")
    args = parser.parse_args()

    deals = join(args.data)
    train = [d for d in deals if d["close_date"] < args.cutoff]
    test = [d for d in deals if d["close_date"] >= args.cutoff]
    out_dir = args.keep or tempfile.mkdtemp(prefix="maven-")
    os.makedirs(out_dir, exist_ok=True)
    train_csv, test_csv = os.path.join(out_dir, "train.csv"), os.path.join(out_dir, "test.csv")
    write(train_csv, train)
    write(test_csv, test)

    results, train_wall, train_cpu = buyalign_models(args.buyalign, train_csv, test_csv, out_dir, args.seed)
    results.update(sklearn_models(train, test, args.seed))
    summary = {
        "cutoff": args.cutoff,
        "train_rows": len(train), "test_rows": len(test),
        "train_win_rate": sum(d["deal_stage"] == "Won" for d in train) / len(train),
        "test_win_rate": sum(d["deal_stage"] == "Won" for d in test) / len(test),
        "buyalign_train_command_seconds": train_wall,
        "buyalign_train_command_cpu_seconds": train_cpu,
        "models": results,
    }
    json.dump(summary, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
