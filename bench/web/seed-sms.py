#!/usr/bin/env python3
"""Writes an SMS Backup & Restore messages file with N incoming messages spread over the last 30
days (a pool of senders, a third of them collectors), for the page benchmark: import it, then load
the dashboard and the history. Usage: seed-sms.py N OUT.xml"""
import random
import sys
import time

n, out = int(sys.argv[1]), sys.argv[2]
rng = random.Random(42)
now_ms = int(time.time() * 1000)
texts = ["您的借款已逾期，请立即还款，否则将联系您的通讯录好友。", "Your verification code is 123456.",
         "晚上回家吃饭吗？", "Last notice: pay today or we visit your employer tomorrow."]
with open(out, "w", encoding="utf-8") as f:
    f.write("<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n")
    f.write(f'<smses count="{n}" backup_set="bench" backup_date="{now_ms}" type="full">\n')
    for i in range(n):
        at = now_ms - rng.randrange(30 * 86_400_000)
        sender = f"13{rng.randrange(10)}{rng.randrange(10_000_000, 100_000_000)}" if rng.random() < 0.7 \
            else f"170{rng.randrange(10_000_000, 100_000_000)}"
        body = texts[rng.randrange(len(texts))] + f" #{i}"
        f.write(f'  <sms protocol="0" address="{sender}" date="{at}" type="1" subject="null" body="{body}" '
                f'toa="null" sc_toa="null" service_center="null" read="1" status="-1" locked="0" '
                f'date_sent="{at}" sub_id="1" readable_date="" contact_name="(Unknown)" />\n')
    f.write("</smses>\n")
