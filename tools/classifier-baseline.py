#!/usr/bin/python3
"""Baselines for Dunshield's SMS classifier, on exactly the same held-out splits.

Run from the project root with Debian's scikit-learn (apt-get install -y python3-sklearn):

    /usr/bin/python3 tools/classifier-baseline.py [--corpus ../shared/data]

The split is Dunshield's (org.dunshield.core.classify.Corpus): a message is held out when the
CRC-32 of its UTF-8 text, as written in the file, is divisible by 5. Training uses the rest. For the
English UCI set (ham against spam) it runs the classic baselines: TF-IDF words with a linear SVM (the
published SVM baseline is about 97.6 %), multinomial naive Bayes on word counts, and TF-IDF character
1-3 grams with logistic regression (the feature family Dunshield uses). For the Chinese collection set
it trains a TF-IDF character 1-3 gram linear SVM on the same training material Dunshield uses.
Compare with `./dunshield classify evaluate` (docs/detection.md has both side by side).
"""
import argparse
import glob
import os
import sys
import zlib

try:
    from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import confusion_matrix, precision_recall_fscore_support
    from sklearn.naive_bayes import MultinomialNB
    from sklearn.svm import LinearSVC
except ImportError:
    sys.exit("scikit-learn is missing: apt-get install -y python3-sklearn, then run with /usr/bin/python3")


def held_out(text):
    return zlib.crc32(text.encode("utf-8")) % 5 == 0


def find_corpus(start):
    d = os.path.abspath(start)
    while True:
        candidate = os.path.join(d, "shared", "data")
        if os.path.isdir(os.path.join(candidate, "collection_sms_zh")):
            return candidate
        if os.path.dirname(d) == d:
            sys.exit("no shared/data above the working directory: pass --corpus DIR")
        d = os.path.dirname(d)


def read_tsv(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if line.strip():
                label, text = line.split("\t", 1)
                rows.append((label, text))
    return rows


def from_fbs(line):
    t = (line.replace("CELLPHONE", " 13800000000 ").replace("HOTLINE", " 4008000000 ")
         .replace("PHONE", " 02088888888 ").replace("URL", " http://t.cn/x ").replace("DIGIT", " 8 ")
         .replace("WECHAT", " wx ").replace("QQ", " qq "))
    for drop in ("NAME", "PLACE", "BANK"):
        t = t.replace(drop, " ")
    return t.strip()


def report(title, truth, predicted, labels):
    right = sum(1 for a, b in zip(truth, predicted) if a == b)
    print(f"  {title}: accuracy {100.0 * right / len(truth):.2f} % of {len(truth)}")
    p, r, _, support = precision_recall_fscore_support(truth, predicted, labels=labels, zero_division=0)
    for label, pi, ri, si in zip(labels, p, r, support):
        print(f"    {label:<18} support {si:5d}  precision {100 * pi:6.2f} %  recall {100 * ri:6.2f} %")
    print("    confusion (rows true, columns predicted: " + ", ".join(labels) + ")")
    for label, row in zip(labels, confusion_matrix(truth, predicted, labels=labels)):
        print(f"      {label:<18}" + "".join(f"{v:7d}" for v in row))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", help="the shared/data folder (default: found above the working directory)")
    corpus = parser.parse_args().corpus or find_corpus(os.getcwd())

    uci = read_tsv(os.path.join(corpus, "uci_sms_spam_collection", "SMSSpamCollection"))
    train = [(l, t) for l, t in uci if not held_out(t)]
    test = [(l, t) for l, t in uci if held_out(t)]
    print(f"UCI SMS Spam Collection: {len(train)} training, {len(test)} held-out messages")
    models = [
        ("TF-IDF words + linear SVM", TfidfVectorizer(), LinearSVC()),
        ("word counts + multinomial naive Bayes", CountVectorizer(), MultinomialNB()),
        ("TF-IDF char 1-3 grams + logistic regression",
         TfidfVectorizer(analyzer="char", ngram_range=(1, 3), sublinear_tf=True), LogisticRegression(C=30, max_iter=3000)),
    ]
    for name, vectorizer, model in models:
        model.fit(vectorizer.fit_transform([t for _, t in train]), [l for l, _ in train])
        predicted = model.predict(vectorizer.transform([t for _, t in test]))
        report(name, [l for l, _ in test], list(predicted), ["ham", "spam"])

    labelled = [("normal" if l == "ham" else "marketing", t, held_out(t)) for l, t in uci]
    labelled += [(l, t, held_out(t)) for l, t in read_tsv(os.path.join(corpus, "collection_sms_zh", "dev.tsv"))]
    for path in sorted(glob.glob(os.path.join(corpus, "fbs_spam_sms_cn", "*.txt"))):
        name = os.path.basename(path)
        label = "marketing" if name.startswith(("AD_", "IL_")) else "fraud" if name.startswith("FR_") else None
        if label:
            with open(path, encoding="utf-8") as f:
                lines = [line.rstrip("\r\n") for line in f]
                labelled += [(label, from_fbs(line), held_out(line)) for line in lines if line.strip()]
    zh_test = [(l, t) for l, t in read_tsv(os.path.join(corpus, "collection_sms_zh", "dev.tsv")) if held_out(t)]
    train_all = [(l, t) for l, t, h in labelled if not h]
    vectorizer = TfidfVectorizer(analyzer="char", ngram_range=(1, 3), sublinear_tf=True)
    model = LinearSVC()
    model.fit(vectorizer.fit_transform([t for _, t in train_all]), [l for l, _ in train_all])
    predicted = model.predict(vectorizer.transform([t for _, t in zh_test]))
    print(f"collection_sms_zh: {len(zh_test)} held-out messages (trained on all training splits, {len(train_all)} messages)")
    report("TF-IDF char 1-3 grams + linear SVM", [l for l, _ in zh_test], list(predicted),
           ["debt_collection", "threat", "fraud", "marketing", "verification_code", "normal"])


if __name__ == "__main__":
    main()
