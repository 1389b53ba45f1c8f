"""Check an import file across rows and plan it: what will be created, what updated, which key each person gets.

`scan` is the first pass over the file: it streams every row (see `xlsx_read`), checks references
between rows and sheets and against what already exists (a :class:`Known`), and returns a
:class:`Plan` with every problem and the counts for the preview. Only names and keys are kept,
never whole rows. The commit reads the file a second time and asks the plan to resolve references.

The counts say what the commit will do, row by row: a row that matches nothing stored is created;
one that matches a stored object is an update only when the :class:`Known` says it would change a
stored value, else unchanged; a history row (assessment, interaction) stored already, or repeated
within the file, is unchanged, as the commit stores it once.
"""

from __future__ import annotations

import hashlib
import sqlite3
import weakref
from dataclasses import dataclass, field, replace
from datetime import date

from dealmap.interchange.sheets import SHEET_BY_KEY
from dealmap.interchange.xlsx_read import Progress, Row, RowIssue, Source, parse_rows
from dealmap.method.codes import Text


class Known:
    """What already exists for the importing user. This default knows nothing (a fresh database).

    The web import service overrides these with database look-ups.
    """

    def account_exists(self, account: str) -> bool:
        return False

    def today(self) -> date:
        """The day after which nothing can have been assessed or met (the web's clock overrides)."""
        return date.today()

    def account_read_only(self, account: str) -> bool:
        """The name matches an account the user may see but not change (shared view-only)."""
        return False

    def account_ambiguous(self, account: str) -> bool:
        """Several of the user's own accounts have this name: a row cannot say which it means."""
        return False

    def deal_exists(self, account: str, deal: str) -> bool:
        return False

    def people(self, account: str) -> list[tuple[str, str]]:
        """(key, name) of the account's people."""
        return []

    def part_exists(self, account: str, deal: str, key: str) -> bool:
        return False

    def relation_exists(self, account: str, source: str, target: str, kind: str) -> bool:
        return False

    def assessment_exists(self, account: str, deal: str, same: tuple) -> bool:
        """An identical assessment is stored: ``same`` is (person key, date, level, evidence, signals)."""
        return False

    def interaction_exists(self, account: str, deal: str, same: tuple) -> bool:
        """An identical interaction is stored: ``same`` is (date, person keys in order, channel,
        summary, trust delta, signals)."""
        return False

    # Asked only about a row that matched a stored object: would storing the row's ``values`` (the
    # parsed row; only the file's columns) change a stored value? This default, which knows no
    # stored values, says yes; the web import service compares as its commit does.

    def account_changes(self, account: str, values: dict) -> bool:
        return True

    def deal_changes(self, account: str, deal: str, values: dict) -> bool:
        return True

    def person_changes(self, account: str, key: str, values: dict) -> bool:
        """The person's own fields; their reports-to line is asked of :meth:`boss_changes`."""
        return True

    def boss_changes(self, account: str, key: str, boss: str | None) -> bool:
        """Would the person ``key`` report to ``boss`` (a person key; None: to nobody) anew?"""
        return True

    def part_changes(self, account: str, deal: str, key: str, values: dict) -> bool:
        return True

    def relation_changes(self, account: str, source: str, target: str, kind: str, values: dict) -> bool:
        return True


@dataclass
class Counts:
    """What the commit will do with a sheet's rows: each clean row is counted once, in one of these."""

    created: int = 0
    updated: int = 0  # matches a stored object and changes at least one stored value
    unchanged: int = 0  # matches a stored object (or history stored already) and changes nothing


class _Store:
    """The check's lookup state in a private temporary SQLite database, so memory stays flat.

    Opened on an empty file name: SQLite creates an on-disk temporary file (unlinked at once, so
    nothing is left behind even when the process is killed) and deletes it when the connection
    closes; its page cache is capped at :data:`CACHE_KIB`. Python keeps only per-sheet counters
    and a small cache of account answers, never anything per row.
    """

    def __init__(self) -> None:
        self.db = sqlite3.connect("", isolation_level=None, check_same_thread=False)
        self.db.executescript(_SCHEMA)
        self.seq = 0  # order of people within a name, as the file's rows leave it

    def close(self) -> None:
        self.db.close()

    def one(self, sql: str, *args):
        return self.db.execute(sql, args).fetchone()

    def next_seq(self) -> int:
        self.seq += 1
        return self.seq


#: Most KiB of page cache the check's SQLite database holds in memory; the rest lives on disk.
CACHE_KIB = 4096

_SCHEMA = f"""
PRAGMA cache_size = -{CACHE_KIB};
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
PRAGMA temp_store = FILE;
BEGIN;
CREATE TABLE account (
    name TEXT PRIMARY KEY, row INTEGER, used INTEGER NOT NULL DEFAULT 0, touched INTEGER
) WITHOUT ROWID;
CREATE TABLE deal (account TEXT, name TEXT, row INTEGER, PRIMARY KEY (account, name)) WITHOUT ROWID;
CREATE TABLE part (
    account TEXT, deal TEXT, key TEXT, row INTEGER, PRIMARY KEY (account, deal, key)
) WITHOUT ROWID;
CREATE TABLE relation (
    account TEXT, source TEXT, target TEXT, kind TEXT, row INTEGER,
    PRIMARY KEY (account, source, target, kind)
) WITHOUT ROWID;
-- one row per person: existing (existing = 1), given by an ID, or new without an ID (pending = N,
-- key NULL until the People sheet is done); claimed is the row that set the person's key
CREATE TABLE person (
    id INTEGER PRIMARY KEY, account TEXT NOT NULL, key TEXT, name TEXT NOT NULL, seq INTEGER NOT NULL,
    existing INTEGER NOT NULL DEFAULT 0, claimed INTEGER, pending INTEGER
);
CREATE INDEX person_name ON person (account, name, seq);
CREATE INDEX person_key ON person (account, key);
CREATE INDEX person_pending ON person (account, pending) WHERE pending IS NOT NULL;
-- reports-to as written; counts = 1 when the row is an existing person's whose count waits for the line
CREATE TABLE boss (account TEXT, who INTEGER, ref TEXT, row INTEGER, counts INTEGER NOT NULL DEFAULT 0);
-- the history rows (assessments, interactions) seen in the file, by a digest of what the commit compares
CREATE TABLE history (digest BLOB PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE edge (line INTEGER PRIMARY KEY, who INTEGER UNIQUE, boss INTEGER, walk INTEGER);  -- resolved
"""

#: How many account names the check remembers in Python (answers and loaded people) before forgetting.
CACHED_ACCOUNTS = 1024
#: How many rows are read or written per batch when a whole sheet is checked at once.
BATCH = 1000


@dataclass
class Plan:
    """The outcome of the first pass: problems, preview counts and the person keys to use.

    The person keys live in the check's temporary database (see :class:`_Store`) until the plan is
    closed or collected.
    """

    issues: list[RowIssue] = field(default_factory=list)
    counts: dict[str, Counts] = field(default_factory=dict)
    rows: int = 0
    #: After an import: (id, account name, deal name) of each deal the file's rows wrote to or named.
    deals: list[tuple[int, str, str]] = field(default_factory=list)
    _store: _Store = field(default_factory=_Store, repr=False, compare=False)

    def __post_init__(self) -> None:
        weakref.finalize(self, self._store.close)

    @property
    def ok(self) -> bool:
        return not self.issues

    @property
    def accounts(self) -> set[str]:
        """The names of the accounts the file's rows touch."""
        return {name for (name,) in self._store.db.execute("SELECT name FROM account WHERE used")}

    def close(self) -> None:
        """Drop the temporary database (also done when the plan is collected)."""
        self._store.close()

    def person_key(self, account: str, key: str, name: str) -> str:
        """The key of the People row (account, ID, name): its ID, a matched person's, or a new one."""
        if key:
            return key
        found = self._store.db.execute(
            "SELECT key FROM person WHERE account = ? AND name = ? ORDER BY pending IS NULL, seq LIMIT 1",
            (account, name),
        ).fetchone()
        return found[0]

    def resolve(self, account: str, reference: str) -> str:
        """The key of the person a (clean) row refers to."""
        found = _resolve(self._store, account, reference)
        assert not isinstance(found, Text), reference
        return found[0]

    def is_new_person(self, account: str, key: str) -> bool:
        found = self._store.one("SELECT existing FROM person WHERE account = ? AND key = ?", account, key)
        return not (found and found[0])


def _resolve(store: _Store, account: str, reference: str) -> tuple[str, int] | Text:
    """(key, person id) a reference means: a unique name first, else an ID; a Text says why not."""
    found = store.db.execute(
        "SELECT key, id FROM person WHERE account = ? AND name = ? LIMIT 2", (account, reference)
    ).fetchall()
    if len(found) == 1:
        return found[0]
    if found:
        return Text(
            f"有多人名为「{reference}」，请改填编号",
            f"several people are called '{reference}'; use the ID",
        )
    found = store.one("SELECT key, id FROM person WHERE account = ? AND key = ?", account, reference)
    if found:
        return found
    return Text(
        f"「联系人」表和该客户的已有联系人中都没有「{reference}」",
        f"'{reference}' is neither in the People sheet nor among the account's people",
    )


def _unknown_account(name: str) -> Text:
    return Text(
        f"客户「{name}」不在「客户」表中，也不是你已有的客户",
        f"account '{name}' is neither in the Accounts sheet nor one of your accounts",
    )


def _unknown_deal(name: str) -> Text:
    return Text(
        f"商机「{name}」不在「商机」表中，也不是该客户已有的商机",
        f"deal '{name}' is neither in the Deals sheet nor one of the account's deals",
    )


def _read_only(name: str) -> Text:
    return Text(
        f"你对客户「{name}」只有查看权限，导入不能修改它（请客户负责人授予编辑权限，或改用其他名称）",
        f"you may only view account '{name}'; an import cannot change it "
        "(ask its owner for edit access, or use another name)",
    )


def _ambiguous(name: str) -> Text:
    return Text(
        f"你可编辑的客户中有不止一个名为「{name}」（同事共享给你的），无法确定这一行指的是哪一个"
        "（请先让其中一个改名）",
        f"more than one account you may edit is called '{name}' (shared with you by colleagues), so "
        "this row cannot say which it means (have one of them renamed first)",
    )


def _repeats(row: int) -> Text:
    return Text(f"与第 {row} 行重复", f"repeats row {row}")


NOT_IN_DEAL = Text(
    "此人在该商机中没有角色（请先在「商机角色」表中添加）",
    "this person has no part in the deal (add them on the Deal parts sheet first)",
)
SELF_RELATION = Text("关系的两端必须是不同的人", "a relation needs two different people")
SELF_REPORT = Text("不能向自己汇报", "a person cannot report to themselves")
SAME_NAME = Text(
    "同一客户中有同名的人；若确为两个人，请为每行填写编号",
    "another row of this account has the same name; if they are two people, give each row an ID",
)
AMBIGUOUS_NAME = Text(
    "该客户已有多人同名，请填写编号以指明是哪一位",
    "several of the account's people have this name; fill in the ID to say which",
)


def _cycle(chain: list[str]) -> Text:
    text = " → ".join(chain)
    return Text(f"汇报关系形成了循环：{text}", f"the reporting line forms a cycle: {text}")


class _Scanner:
    def __init__(self, known: Known):
        self.known = known
        self.plan = Plan(counts={key: Counts() for key in SHEET_BY_KEY})
        self.store = self.plan._store
        self.db = self.store.db
        self.ok_accounts: dict[str, bool] = {}  # bounded caches: has_account's answers …
        self.loaded: set[str] = set()  # … and accounts whose people are in the store
        self.touched = 0  # accounts whose people are in the store, in the order they came
        self.pending = 0  # new people without an ID, in row order (all accounts)
        #: An account a row cannot use: its first row's problem, and how many more rows name it.
        self.refused: dict[str, list] = {}
        self.people_letters: dict[str, str] = {}
        self.today = known.today()
        #: What rows with a bad cell define (an account, a deal, a person): such a row is reported
        #: once, at its cell, and a later row naming what it defines is not reported again.
        self.bad: set[tuple] = set()

    def issue(self, row: Row, column: str, reason: Text) -> None:
        where = None
        if column:
            header = SHEET_BY_KEY[row.sheet].column(column).header
            letter = row.letters.get(column, "")
            where = Text(f"{letter} {header.zh}".strip(), f"{letter} {header.en}".strip())
        self.plan.issues.append(RowIssue(row.sheet, row.number, _header(row.sheet, column), reason, where))

    def count(self, sheet: str, exists: bool, changes: bool = True) -> None:
        """Count a clean row: created when nothing matched, else updated or unchanged by ``changes``."""
        counts = self.plan.counts[sheet]
        if not exists:
            counts.created += 1
        elif changes:
            counts.updated += 1
        else:
            counts.unchanged += 1

    def history(self, sheet: str, account: str, deal: str, same: tuple, stored: bool) -> None:
        """Count a history row: new the first time the file gives it, unless it is ``stored`` already."""
        digest = hashlib.blake2b(repr((sheet, account, deal, same)).encode(), digest_size=20).digest()
        first = self.db.execute("INSERT OR IGNORE INTO history VALUES (?)", (digest,)).rowcount == 1
        counts = self.plan.counts[sheet]
        if first and not stored:
            counts.created += 1
        else:
            counts.unchanged += 1

    def load_people(self, account: str) -> None:
        """Bring the account's existing people into the store, once, when the file first needs them."""
        if account in self.loaded:
            return
        if len(self.loaded) >= CACHED_ACCOUNTS:
            self.loaded.clear()
        self.loaded.add(account)
        if self.store.one("SELECT 1 FROM account WHERE name = ? AND touched IS NOT NULL", account):
            return
        self.touched += 1
        self.db.execute(
            "INSERT INTO account (name, touched) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET touched = ?",
            (account, self.touched, self.touched),
        )
        self.db.executemany(
            "INSERT INTO person (account, key, name, seq, existing) VALUES (?, ?, ?, ?, 1)",
            ((account, key, name, self.store.next_seq()) for key, name in self.known.people(account)),
        )

    def note_bad(self, row: Row) -> None:
        """A row whose cells did not all read: remember what it would have defined."""
        v = row.values
        if "account" not in v:
            return
        if row.sheet == "accounts":
            self.bad.add(("account", v["account"]))
        elif row.sheet == "deals" and "deal" in v:
            self.bad.add(("deal", v["account"], v["deal"]))
        elif row.sheet == "people":
            for reference in (v.get("id"), v.get("name")):
                if reference:
                    self.bad.add(("person", v["account"], reference))

    def has_account(self, row: Row) -> bool:
        name = row.values["account"]
        ok = self.ok_accounts.get(name)
        if ok is None:
            ok = self._check_account(name)
            if len(self.ok_accounts) >= CACHED_ACCOUNTS:
                self.ok_accounts.clear()
            self.ok_accounts[name] = ok
        if not ok and ("account", name) in self.bad:
            return False  # its own row's problem is reported; this row waits on it
        if not ok:
            # Said once, at the first row; the other rows are counted (a manager's import of a
            # team's workbook listed 257 equal lines).
            seen = self.refused.get(name)
            if seen is None:
                self.issue(row, "account", self._refusal(name) or _unknown_account(name))
                self.refused[name] = [len(self.plan.issues) - 1, 0]
            else:
                seen[1] += 1
        return ok

    def finish_refused(self) -> None:
        """Each refused account's problem says how many more rows name it."""
        for index, more in self.refused.values():
            if more:
                issue = self.plan.issues[index]
                also = Text(f"（另有 {more} 行也写到这个客户）", f" ({more} more rows name this account)")
                reason = Text(issue.reason.zh + also.zh, issue.reason.en + also.en)
                self.plan.issues[index] = replace(issue, reason=reason)

    def _refusal(self, name: str) -> Text | None:
        """Why an existing account of this name cannot take the file's rows, if it cannot."""
        if self.known.account_ambiguous(name):
            return _ambiguous(name)
        if self.known.account_read_only(name):
            return _read_only(name)
        return None

    def _check_account(self, name: str) -> bool:
        if self._refusal(name):
            return False
        if self.store.one("SELECT 1 FROM account WHERE name = ? AND row IS NOT NULL", name) or (
            self.known.account_exists(name)
        ):
            self.db.execute(
                "INSERT INTO account (name, used) VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET used = 1",
                (name,),
            )
            return True
        return False

    def has_deal(self, row: Row) -> bool:
        account, deal = row.values["account"], row.values["deal"]
        if self.store.one("SELECT 1 FROM deal WHERE account = ? AND name = ?", account, deal) or (
            self.known.deal_exists(account, deal)
        ):
            return True
        if ("deal", account, deal) not in self.bad:
            self.issue(row, "deal", _unknown_deal(deal))
        return False

    def person(self, row: Row, column: str, reference: str) -> str | None:
        self.load_people(row.values["account"])
        found = _resolve(self.store, row.values["account"], reference)
        if isinstance(found, Text):
            if ("person", row.values["account"], reference) not in self.bad:
                self.issue(row, column, found)
            return None
        return found[0]

    def in_deal(self, row: Row, column: str, key: str) -> bool:
        account, deal = row.values["account"], row.values["deal"]
        if self.store.one(
            "SELECT 1 FROM part WHERE account = ? AND deal = ? AND key = ?", account, deal, key
        ) or self.known.part_exists(account, deal, key):
            return True
        self.issue(row, column, NOT_IN_DEAL)
        return False

    # -- one method per sheet ------------------------------------------------------------------

    def accounts_row(self, row: Row) -> None:
        name = row.values["account"]
        found = self.store.one("SELECT row FROM account WHERE name = ? AND row IS NOT NULL", name)
        if found:
            self.issue(row, "account", _repeats(found[0]))
            return
        refusal = self._refusal(name)
        if refusal:
            self.issue(row, "account", refusal)
            return
        self.db.execute(
            "INSERT INTO account (name, row, used) VALUES (?, ?, 1)"
            " ON CONFLICT (name) DO UPDATE SET row = excluded.row, used = 1",
            (name, row.number),
        )
        self.ok_accounts.pop(name, None)
        exists = self.known.account_exists(name)
        self.count("accounts", exists, exists and self.known.account_changes(name, row.values))

    def deals_row(self, row: Row) -> None:
        if not self.has_account(row):
            return
        account, deal = row.values["account"], row.values["deal"]
        found = self.store.one("SELECT row FROM deal WHERE account = ? AND name = ?", account, deal)
        if found:
            self.issue(row, "deal", _repeats(found[0]))
            return
        self.db.execute("INSERT INTO deal VALUES (?, ?, ?)", (account, deal, row.number))
        exists = self.known.deal_exists(account, deal)
        self.count("deals", exists, exists and self.known.deal_changes(account, deal, row.values))

    def people_row(self, row: Row) -> None:
        self.people_letters = row.letters  # for the reports-to problems found after the sheet
        if not self.has_account(row):
            return
        account = row.values["account"]
        self.load_people(account)
        key, name = row.values.get("id", ""), row.values["name"]
        db = self.db
        if key:
            found = db.execute(
                "SELECT id, existing, claimed FROM person WHERE account = ? AND key = ?", (account, key)
            ).fetchone()
            if found and found[2] is not None:
                self.issue(row, "id", _repeats(found[2]))
                return
            existing = bool(found and found[1])
            if found:
                who = found[0]
                db.execute(
                    "UPDATE person SET name = ?, seq = ?, claimed = ? WHERE id = ?",
                    (name, self.store.next_seq(), row.number, who),
                )
            else:
                who = db.execute(
                    "INSERT INTO person (account, key, name, seq, claimed) VALUES (?, ?, ?, ?, ?)",
                    (account, key, name, self.store.next_seq(), row.number),
                ).lastrowid
        else:
            matches = db.execute(
                "SELECT id, claimed, pending, key FROM person WHERE account = ? AND name = ?", (account, name)
            ).fetchall()
            if any(claimed is not None or pending is not None for _, claimed, pending, _ in matches):
                self.issue(row, "name", SAME_NAME)
                return
            if len(matches) > 1:
                self.issue(row, "name", AMBIGUOUS_NAME)
                return
            existing = bool(matches)
            if matches:
                who, key = matches[0][0], matches[0][3]  # a stored person (the file's are claimed)
                db.execute(
                    "UPDATE person SET seq = ?, claimed = ? WHERE id = ?",
                    (self.store.next_seq(), row.number, who),
                )
            else:
                self.pending += 1
                who = db.execute(
                    "INSERT INTO person (account, name, seq, pending) VALUES (?, ?, ?, ?)",
                    (account, name, self.store.next_seq(), self.pending),
                ).lastrowid
        boss = row.values.get("reports_to")
        changes = existing and self.known.person_changes(account, key, row.values)
        # A stored person whose own fields stay as they are may still get a new reports-to line;
        # which person the line names is known once every person has a key (see _check_bosses).
        waits = existing and not changes and bool(boss)
        if boss:
            db.execute("INSERT INTO boss VALUES (?, ?, ?, ?, ?)", (account, who, boss, row.number, waits))
        elif existing and not changes and "reports_to" in row.values:
            changes = self.known.boss_changes(account, key, None)  # an empty cell: reports to nobody
        if not waits:
            self.count("people", existing, changes)

    def finish_people(self) -> None:
        """Assign keys to new people, then check every reports-to once all people are known."""
        accounts = self.db.execute("SELECT name FROM account WHERE touched IS NOT NULL ORDER BY touched")
        for (account,) in accounts.fetchall():
            self._assign_keys(account)
            self._check_bosses(account)
            self._cycles(account)
        self.db.execute("DELETE FROM boss")

    def _assign_keys(self, account: str) -> None:
        """New people get ``pN``, from N = (people with a key) + 1 up, skipping keys already taken."""
        db = self.db
        (number,) = db.execute(
            "SELECT count(*) + 1 FROM person WHERE account = ? AND key IS NOT NULL", (account,)
        ).fetchone()
        taken = db.execute(  # the keys pN (N as written by f"p{N}") from number up, in order
            "SELECT DISTINCT n FROM (SELECT CAST(substr(key, 2) AS INTEGER) AS n, key FROM person"
            " WHERE account = ? AND key GLOB 'p[1-9]*') WHERE key = 'p' || n AND n >= ? ORDER BY n",
            (account, number),
        )
        next_taken = taken.fetchone()
        last = -1
        while True:
            batch = db.execute(
                "SELECT id, pending FROM person WHERE account = ? AND pending > ? ORDER BY pending LIMIT ?",
                (account, last, BATCH),
            ).fetchall()
            if not batch:
                break
            keys = []
            last = batch[-1][1]
            for who, _ in batch:
                while next_taken is not None and next_taken[0] <= number:
                    if next_taken[0] == number:
                        number += 1
                    next_taken = taken.fetchone()
                keys.append((f"p{number}", who))
                number += 1
            db.executemany("UPDATE person SET key = ? WHERE id = ?", keys)

    def _check_bosses(self, account: str) -> None:
        """Resolve every reports-to of the account; clean lines become edges for the cycle check."""
        db = self.db
        last = 0
        while True:
            lines = db.execute(
                "SELECT b.rowid, b.who, b.ref, b.row, p.key, b.counts FROM boss b JOIN person p ON p.id = b.who"
                " WHERE b.account = ? AND b.rowid > ? ORDER BY b.rowid LIMIT ?",
                (account, last, BATCH),
            ).fetchall()
            if not lines:
                break
            edges = []
            last = lines[-1][0]
            for _, who, reference, number, key, counts in lines:
                row = Row("people", number, {"account": account}, self.people_letters)
                found = _resolve(self.store, account, reference)
                if isinstance(found, Text):
                    self.issue(row, "reports_to", found)
                elif found[0] == key:
                    self.issue(row, "reports_to", SELF_REPORT)
                else:
                    edges.append((who, found[1]))
                if counts:  # a stored person whose row changes nothing but, perhaps, this line
                    changes = not isinstance(found, Text) and self.known.boss_changes(account, key, found[0])
                    self.count("people", True, changes)
            db.executemany("INSERT OR REPLACE INTO edge (who, boss) VALUES (?, ?)", edges)

    def _cycles(self, account: str) -> None:
        """Walk each reporting line up once, marking it; a walk that meets its own mark is a cycle."""
        db = self.db
        last = 0
        while True:
            starts = db.execute(
                "SELECT line, who FROM edge WHERE line > ? ORDER BY line LIMIT ?", (last, BATCH)
            ).fetchall()
            if not starts:
                break
            for last, node in starts:
                while True:
                    found = db.execute("SELECT boss, walk FROM edge WHERE who = ?", (node,)).fetchone()
                    if found is None:
                        break  # the line ends
                    if found[1] is not None:
                        if found[1] == last:  # met this walk again
                            self._cycle(account, node)
                        break  # or joined a line walked before
                    db.execute("UPDATE edge SET walk = ? WHERE who = ?", (last, node))
                    node = found[0]
        db.execute("DELETE FROM edge")

    def _cycle(self, account: str, first: int) -> None:
        """Report the cycle through ``first`` by names, on the row that gave ``first`` its key."""
        names, node = [], first
        while True:
            name, boss = self.db.execute(
                "SELECT p.name, e.boss FROM edge e JOIN person p ON p.id = e.who WHERE e.who = ?", (node,)
            ).fetchone()
            names.append(name)
            node = boss
            if node == first:
                break
        names.append(names[0])
        (claimed,) = self.store.one("SELECT claimed FROM person WHERE id = ?", first)
        self.issue(Row("people", claimed or 0, {"account": account}), "reports_to", _cycle(names))

    def parts_row(self, row: Row) -> None:
        if not (self.has_account(row) and self.has_deal(row)):
            return
        key = self.person(row, "person", row.values["person"])
        if key is None:
            return
        account, deal = row.values["account"], row.values["deal"]
        found = self.store.one(
            "SELECT row FROM part WHERE account = ? AND deal = ? AND key = ?", account, deal, key
        )
        if found:
            self.issue(row, "person", _repeats(found[0]))
            return
        self.db.execute("INSERT INTO part VALUES (?, ?, ?, ?)", (account, deal, key, row.number))
        exists = self.known.part_exists(account, deal, key)
        self.count("parts", exists, exists and self.known.part_changes(account, deal, key, row.values))

    def relations_row(self, row: Row) -> None:
        if not self.has_account(row):
            return
        source = self.person(row, "source", row.values["source"])
        target = self.person(row, "target", row.values["target"])
        if source is None or target is None:
            return
        if source == target:
            self.issue(row, "target", SELF_RELATION)
            return
        quad = (row.values["account"], source, target, row.values["kind"])
        found = self.store.one(
            "SELECT row FROM relation WHERE account = ? AND source = ? AND target = ? AND kind = ?", *quad
        )
        if found:
            self.issue(row, "kind", _repeats(found[0]))
            return
        self.db.execute("INSERT INTO relation VALUES (?, ?, ?, ?, ?)", (*quad, row.number))
        exists = self.known.relation_exists(*quad)
        self.count("relations", exists, exists and self.known.relation_changes(*quad, row.values))

    def _not_ahead(self, row: Row) -> bool:
        """An assessment or interaction records what happened: not after today (the web forms'
        and the API's rule, which the workbook did not apply)."""
        if row.values["date"] > self.today:
            self.issue(row, "date", FUTURE_DAY)
            return False
        return True

    def assessments_row(self, row: Row) -> None:
        if not self._not_ahead(row):
            return
        if not (self.has_account(row) and self.has_deal(row)):
            return
        key = self.person(row, "person", row.values["person"])
        if key is not None and self.in_deal(row, "person", key):
            v = row.values
            same = (key, v["date"], v["level"], v.get("evidence", ""), tuple(v.get("signals", ())))
            stored = self.known.assessment_exists(v["account"], v["deal"], same)
            self.history("assessments", v["account"], v["deal"], same, stored)

    def interactions_row(self, row: Row) -> None:
        if not self._not_ahead(row):
            return
        if not (self.has_account(row) and self.has_deal(row)):
            return
        good = True
        keys = []
        for reference in row.values["participants"]:
            key = self.person(row, "participants", reference)
            good = key is not None and self.in_deal(row, "participants", key) and good
            keys.append(key)
        if good:
            v = row.values
            same = (
                v["date"],
                tuple(dict.fromkeys(keys)),
                v.get("channel", ""),
                v.get("summary", ""),
                v.get("trust_delta"),
                tuple(v.get("signals", ())),
            )
            stored = self.known.interaction_exists(v["account"], v["deal"], same)
            self.history("interactions", v["account"], v["deal"], same, stored)


#: What is stored happened: an assessment or interaction is not dated after today — a workbook's,
#: a deal file's (web/deals/services.storage_problems) or the forms' and the API's own rule; a
#: stored future date would make the deal's own workbook export impossible to import again.
FUTURE_DAY = Text(
    "不能晚于今天：只记录已经发生的事", "must not be after today: only what has happened is recorded"
)


def _header(sheet: str, column: str) -> str:
    if not column:
        return ""
    col = SHEET_BY_KEY[sheet].column(column)
    return f"{col.header.zh}/{col.header.en}"


def scan(source: Source, *, known: Known | None = None, progress: Progress | None = None) -> Plan:
    """First pass: check every row and reference; the plan lists every problem and the preview counts."""
    scanner = _Scanner(known or Known())
    plan = scanner.plan
    people_done = False
    for row in parse_rows(source, plan.issues, progress, on_bad=scanner.note_bad):
        plan.rows += 1
        if row.sheet not in ("accounts", "deals", "people") and not people_done:
            scanner.finish_people()
            people_done = True
        getattr(scanner, f"{row.sheet}_row")(row)
    if not people_done:
        scanner.finish_people()
    scanner.finish_refused()
    plan.issues.sort(key=_issue_order)
    return plan


_SHEET_ORDER = {key: i for i, key in enumerate(SHEET_BY_KEY)}


def _issue_order(issue: RowIssue) -> tuple[int, int]:
    return (_SHEET_ORDER.get(issue.sheet, -1), issue.row)
