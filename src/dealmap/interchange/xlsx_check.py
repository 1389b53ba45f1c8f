"""Check an import file across rows and plan it: what will be created, what updated, which key each person gets.

`scan` is the first pass over the file: it streams every row (see `xlsx_read`), checks references
between rows and sheets and against what already exists (a :class:`Known`), and returns a
:class:`Plan` with every problem and the counts for the preview. Only names and keys are kept,
never whole rows. The commit reads the file a second time and asks the plan to resolve references.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from dataclasses import dataclass, field

from dealmap.interchange.sheets import SHEET_BY_KEY
from dealmap.interchange.xlsx_read import Progress, Row, RowIssue, Source, parse_rows
from dealmap.method.codes import Text


class Known:
    """What already exists for the importing user. This default knows nothing (a fresh database).

    The web import service overrides these with database look-ups.
    """

    def account_exists(self, account: str) -> bool:
        return False

    def account_read_only(self, account: str) -> bool:
        """The name matches an account the user may see but not change (shared view-only)."""
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


@dataclass
class Counts:
    created: int = 0
    updated: int = 0


class _People:
    """The people of one account as the file will leave them: keys, names, who reports to whom.

    Kept compact, since a sheet may hold 100,000 people: a name maps to its one key (a tuple only
    when several people share it); a new person without an ID is an int, their index in
    ``pending`` (their name, kept once), and gets the key ``p{numbers[index]}`` when the sheet is
    done; reports-to lines are three flat columns, the reference reusing the stored name object.
    """

    def __init__(self, existing: list[tuple[str, str]]):
        self.name_of: dict[str, str] = dict(existing)  # key → name (existing and ID'd people)
        self.keys_of: dict[str, str | int | tuple] = {}  # name → key, new-person index, or several
        for key, name in existing:
            self._add(name, key)
        self.existing = frozenset(self.name_of)
        self.claimed: dict[str, int] = {}  # key → row that set it
        self.pending: list[str] = []  # names of new people without an ID, in row order
        self.numbers = array("q")  # the N of pending[i]'s key pN, once assigned
        self.boss_of: list[str | int] = []  # who reports (key or new-person index) …
        self.boss_ref: list[str] = []  # … to whom, as written …
        self.boss_row = array("q")  # … on which row

    def _add(self, name: str, key: str | int) -> None:
        found = self.keys_of.get(name)
        if found is None:
            self.keys_of[name] = key
        elif type(found) is tuple:
            if key not in found:
                self.keys_of[name] = (*found, key)
        elif found != key:
            self.keys_of[name] = (found, key)

    def _discard(self, name: str, key: str | int) -> None:
        found = self.keys_of.get(name)
        if type(found) is tuple:
            rest = tuple(k for k in found if k != key)
            self.keys_of[name] = rest[0] if len(rest) == 1 else rest
        elif found is not None and found == key:
            del self.keys_of[name]

    def raw(self, name: str) -> tuple:
        """The keys (str) and new-person indexes (int) of the people called ``name``."""
        found = self.keys_of.get(name)
        return () if found is None else found if type(found) is tuple else (found,)

    def key(self, item: str | int) -> str:
        """The key of a key or a new-person index (after :meth:`assign_keys`)."""
        return item if type(item) is str else f"p{self.numbers[item]}"

    def name(self, key: str) -> str:
        index = self.new_index(key)
        return self.pending[index] if index is not None else self.name_of.get(key, key)

    def new_index(self, key: str) -> int | None:
        """The index of the new person whose assigned key is ``key``, if any."""
        if len(key) < 2 or key[0] != "p" or not key[1:].isdigit() or not self.numbers:
            return None
        number = int(key[1:])
        at = bisect_left(self.numbers, number)
        return at if at < len(self.numbers) and self.numbers[at] == number else None

    def canonical(self, text: str) -> str:
        """``text`` itself or an equal, already stored name (so a reference costs no new string)."""
        found = self.keys_of.get(text)
        if type(found) is int:
            stored = self.pending[found]
        elif type(found) is str:
            stored = self.name_of.get(found, text)
        else:
            return text
        return stored if stored == text else text

    def rename(self, key: str, name: str) -> None:
        old = self.name_of.get(key)
        if old is not None:
            self._discard(old, key)
        self.name_of[key] = name
        self._add(name, key)

    def assign_keys(self) -> None:
        taken = set(self.name_of)
        number = len(taken) + 1
        for _ in self.pending:
            while f"p{number}" in taken:
                number += 1
            self.numbers.append(number)
            number += 1

    def resolve(self, reference: str) -> str | Text:
        """The key a reference means: a unique name first, else an ID; a Text says why not."""
        keys = self.raw(reference)
        if keys:
            if len(keys) == 1:
                return self.key(keys[0])
            return Text(
                f"有多人名为「{reference}」,请改填编号",
                f"several people are called '{reference}'; use the ID",
            )
        if reference in self.name_of or self.new_index(reference) is not None:
            return reference
        return Text(
            f"「人员」表和该客户的已有人员中都没有「{reference}」",
            f"'{reference}' is neither in the People sheet nor among the account's people",
        )


@dataclass
class Plan:
    """The outcome of the first pass: problems, preview counts and the person keys to use."""

    issues: list[RowIssue] = field(default_factory=list)
    counts: dict[str, Counts] = field(default_factory=dict)
    rows: int = 0
    accounts: set[str] = field(default_factory=set)
    _people: dict[str, _People] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.issues

    def person_key(self, account: str, key: str, name: str) -> str:
        """The key of the People row (account, ID, name): its ID, a matched person's, or a new one."""
        if key:
            return key
        people = self._people[account]
        found = people.raw(name)
        return people.key(next((k for k in found if type(k) is int), found[0]))

    def resolve(self, account: str, reference: str) -> str:
        """The key of the person a (clean) row refers to."""
        found = self._people[account].resolve(reference)
        assert isinstance(found, str), reference
        return found

    def is_new_person(self, account: str, key: str) -> bool:
        return key not in self._people[account].existing


def _unknown_account(name: str) -> Text:
    return Text(
        f"客户「{name}」不在「客户」表中,也不是您已有的客户",
        f"account '{name}' is neither in the Accounts sheet nor one of your accounts",
    )


def _unknown_deal(name: str) -> Text:
    return Text(
        f"商机「{name}」不在「商机」表中,也不是该客户已有的商机",
        f"deal '{name}' is neither in the Deals sheet nor one of the account's deals",
    )


def _read_only(name: str) -> Text:
    return Text(
        f"客户「{name}」是共享给您的只读客户,导入不能修改它(请客户负责人授予编辑权限,或改用其他名称)",
        f"account '{name}' is shared with you read-only; an import cannot change it "
        "(ask its owner for edit access, or use another name)",
    )


def _repeats(row: int) -> Text:
    return Text(f"与第 {row} 行重复", f"repeats row {row}")


NOT_IN_DEAL = Text(
    "此人在该商机中没有角色(请先在「商机角色」表中添加)",
    "this person has no part in the deal (add them on the Deal parts sheet first)",
)
SELF_RELATION = Text("关系的两端必须是不同的人", "a relation needs two different people")
SELF_REPORT = Text("不能向自己汇报", "a person cannot report to themselves")
SAME_NAME = Text(
    "同一客户中有同名的人;若确为两个人,请为每行填写编号",
    "another row of this account has the same name; if they are two people, give each row an ID",
)
AMBIGUOUS_NAME = Text(
    "该客户已有多人同名,请填写编号以指明是哪一位",
    "several of the account's people have this name; fill in the ID to say which",
)


def _cycle(chain: list[str]) -> Text:
    text = " → ".join(chain)
    return Text(f"汇报关系形成了循环:{text}", f"the reporting line forms a cycle: {text}")


class _Scanner:
    def __init__(self, known: Known):
        self.known = known
        self.plan = Plan(counts={key: Counts() for key in SHEET_BY_KEY})
        self.accounts: dict[str, int] = {}
        self.deals: dict[tuple[str, str], int] = {}
        self.parts: dict[tuple[str, str, str], int] = {}
        self.relations: dict[tuple[str, str, str, str], int] = {}
        self.checked_people = False

    def issue(self, row: Row, column: str, reason: Text) -> None:
        self.plan.issues.append(RowIssue(row.sheet, row.number, _header(row.sheet, column), reason))

    def count(self, sheet: str, exists: bool) -> None:
        counts = self.plan.counts[sheet]
        if exists:
            counts.updated += 1
        else:
            counts.created += 1

    def people(self, account: str) -> _People:
        found = self.plan._people.get(account)
        if found is None:
            found = self.plan._people[account] = _People(self.known.people(account))
        return found

    def has_account(self, row: Row) -> bool:
        name = row.values["account"]
        if self.known.account_read_only(name):
            self.issue(row, "account", _read_only(name))
            return False
        if name in self.accounts or self.known.account_exists(name):
            self.plan.accounts.add(name)
            return True
        self.issue(row, "account", _unknown_account(name))
        return False

    def has_deal(self, row: Row) -> bool:
        pair = (row.values["account"], row.values["deal"])
        if pair in self.deals or self.known.deal_exists(*pair):
            return True
        self.issue(row, "deal", _unknown_deal(pair[1]))
        return False

    def person(self, row: Row, column: str, reference: str) -> str | None:
        found = self.people(row.values["account"]).resolve(reference)
        if isinstance(found, Text):
            self.issue(row, column, found)
            return None
        return found

    def in_deal(self, row: Row, column: str, key: str) -> bool:
        account, deal = row.values["account"], row.values["deal"]
        if (account, deal, key) in self.parts or self.known.part_exists(account, deal, key):
            return True
        self.issue(row, column, NOT_IN_DEAL)
        return False

    # -- one method per sheet ------------------------------------------------------------------

    def accounts_row(self, row: Row) -> None:
        name = row.values["account"]
        if name in self.accounts:
            self.issue(row, "account", _repeats(self.accounts[name]))
            return
        if self.known.account_read_only(name):
            self.issue(row, "account", _read_only(name))
            return
        self.accounts[name] = row.number
        self.plan.accounts.add(name)
        self.count("accounts", self.known.account_exists(name))

    def deals_row(self, row: Row) -> None:
        if not self.has_account(row):
            return
        pair = (row.values["account"], row.values["deal"])
        if pair in self.deals:
            self.issue(row, "deal", _repeats(self.deals[pair]))
            return
        self.deals[pair] = row.number
        self.count("deals", self.known.deal_exists(*pair))

    def people_row(self, row: Row) -> None:
        if not self.has_account(row):
            return
        people = self.people(row.values["account"])
        key, name = row.values.get("id", ""), row.values["name"]
        if key:
            if key in people.claimed:
                self.issue(row, "id", _repeats(people.claimed[key]))
                return
            self.count("people", key in people.existing)
        else:
            matches = people.raw(name)
            if any(type(k) is int or k in people.claimed for k in matches):
                self.issue(row, "name", SAME_NAME)
                return
            if len(matches) > 1:
                self.issue(row, "name", AMBIGUOUS_NAME)
                return
            if matches:
                key = matches[0]
                self.count("people", True)
            else:
                key = len(people.pending)
                people.pending.append(name)
                people._add(name, key)
                self.count("people", False)
        if type(key) is str:
            people.claimed[key] = row.number
            people.rename(key, name)
        boss = row.values.get("reports_to")
        if boss:
            people.boss_of.append(key)
            people.boss_ref.append(people.canonical(boss))
            people.boss_row.append(row.number)

    def finish_people(self) -> None:
        """Assign keys to new people, then check every reports-to once all people are known."""
        for account, people in self.plan._people.items():
            people.assign_keys()
            bosses: dict[str | int, str | int] = {}  # who → boss, new people by their index
            for item, reference, number in zip(people.boss_of, people.boss_ref, people.boss_row, strict=True):
                row = Row("people", number, {"account": account})
                found = self.person(row, "reports_to", reference)
                if found is None:
                    continue
                if found == people.key(item):
                    self.issue(row, "reports_to", SELF_REPORT)
                else:
                    index = people.new_index(found)
                    bosses[item] = found if index is None else index
            people.boss_of, people.boss_ref, people.boss_row = [], [], array("q")
            self._cycles(account, bosses, people)

    def _cycles(self, account: str, bosses: dict, people: _People) -> None:
        done: set = set()
        for start in bosses:
            chain: list = []
            node = start
            while node in bosses and node not in done and node not in chain:
                chain.append(node)
                node = bosses[node]
            if node in chain:
                loop = chain[chain.index(node) :]
                names = [people.name(people.key(k)) for k in [*loop, loop[0]]]
                number = people.claimed.get(people.key(loop[0]), 0)
                self.issue(Row("people", number, {"account": account}), "reports_to", _cycle(names))
            done.update(chain)

    def parts_row(self, row: Row) -> None:
        if not (self.has_account(row) and self.has_deal(row)):
            return
        key = self.person(row, "person", row.values["person"])
        if key is None:
            return
        triple = (row.values["account"], row.values["deal"], key)
        if triple in self.parts:
            self.issue(row, "person", _repeats(self.parts[triple]))
            return
        self.parts[triple] = row.number
        self.count("parts", self.known.part_exists(*triple))

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
        if quad in self.relations:
            self.issue(row, "kind", _repeats(self.relations[quad]))
            return
        self.relations[quad] = row.number
        self.count("relations", self.known.relation_exists(*quad))

    def assessments_row(self, row: Row) -> None:
        if not (self.has_account(row) and self.has_deal(row)):
            return
        key = self.person(row, "person", row.values["person"])
        if key is not None and self.in_deal(row, "person", key):
            self.count("assessments", False)

    def interactions_row(self, row: Row) -> None:
        if not (self.has_account(row) and self.has_deal(row)):
            return
        good = True
        for reference in row.values["participants"]:
            key = self.person(row, "participants", reference)
            good = key is not None and self.in_deal(row, "participants", key) and good
        if good:
            self.count("interactions", False)


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
    for row in parse_rows(source, plan.issues, progress):
        plan.rows += 1
        if row.sheet not in ("accounts", "deals", "people") and not people_done:
            scanner.finish_people()
            people_done = True
        getattr(scanner, f"{row.sheet}_row")(row)
    if not people_done:
        scanner.finish_people()
    plan.issues.sort(key=_issue_order)
    return plan


_SHEET_ORDER = {key: i for i, key in enumerate(SHEET_BY_KEY)}


def _issue_order(issue: RowIssue) -> tuple[int, int]:
    return (_SHEET_ORDER.get(issue.sheet, -1), issue.row)
