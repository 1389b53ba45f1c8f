"""Pages for bulk import (upload → preview → commit, with progress) and the export downloads."""

from __future__ import annotations

import re
import uuid
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST, require_safe

from dealmap.interchange.dealfile import DealFileError, loads_deal, parse_json
from dealmap.interchange.names import blank, tidy
from dealmap.interchange.sheets import MAX_FILE_BYTES, SHEETS
from dealmap.interchange.xlsx import FileRejected, ImportFailed, Source, template_workbook
from dealmap.interchange.xlsx_read import TOO_BIG, looks_like_json
from dealmap.web import i18n
from dealmap.web.accounts.services import account_name_free
from dealmap.web.core import clock
from dealmap.web.deals.selectors import deal_get
from dealmap.web.deals.services import deal_import, storage_problems
from dealmap.web.imports.exports import (
    accounts_for_export,
    deal_file,
    deals_for_export,
    deck_bytes,
    workbook_bytes,
)
from dealmap.web.imports.services import workbook_import, workbook_preview

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
_TOKEN = re.compile(r"^[0-9a-f]{32}$")
#: A previewed file not committed within this time is abandoned; the next preview deletes it.
UPLOAD_MAX_AGE = timedelta(days=1)


def _upload_dir() -> Path:
    folder = Path(settings.DATA_DIR) / "uploads"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _upload_path(user, token: str) -> Path:
    return _upload_dir() / f"{user.pk}-{token}"


def _remove_abandoned(folder: Path) -> int:
    """Delete previewed files (and their name files) older than UPLOAD_MAX_AGE; how many went."""
    cutoff = (clock.now() - UPLOAD_MAX_AGE).timestamp()
    removed = 0
    for path in folder.iterdir():
        try:
            if path.is_file() and path.stat().st_mtime < cutoff:
                path.unlink(missing_ok=True)
                removed += 1
        except OSError:  # another request removed it first
            continue
    return removed


def _progress_key(user, token: str) -> str:
    """Progress is kept per uploader: another user asking for the same token finds nothing (404)."""
    return f"import-progress:{user.pk}:{token}"


def _progress(user, token: str):
    key = _progress_key(user, token)

    def report(sheet: str, done: int, total: int) -> None:
        cache.set(key, {"sheet": sheet, "done": done, "total": total}, 600)

    return report


def _sheet_names(lang: str) -> dict[str, str]:
    return {s.key: s.name(lang) for s in SHEETS}


def _counts(plan, lang: str) -> list[tuple[str, int, int, int]]:
    """Per sheet with rows: (name, created, updated, unchanged) — a row that matches what is stored
    and changes nothing in it is unchanged, not an update."""
    names = _sheet_names(lang)
    return [
        (names[k], c.created, c.updated, c.unchanged)
        for k, c in plan.counts.items()
        if c.created or c.updated or c.unchanged
    ]


def _summary(plan, lang: str) -> dict:
    """What the result page shows of a clean plan: the counts, the rows, and whether anything changes."""
    changes = any(c.created or c.updated for c in plan.counts.values())
    return {"counts": _counts(plan, lang), "rows": plan.rows, "changes": changes}


def _issues(issues, lang: str) -> list[tuple[str, int, str, str]]:
    names = _sheet_names(lang)
    return [(names.get(i.sheet, i.sheet), i.row, i.column_in(lang), i.reason.get(lang)) for i in issues]


_STAKEHOLDER_PATH = re.compile(r"stakeholders\[(\d+)\]")


def _deal_problems(exc: DealFileError, lang: str, data: bytes) -> list[tuple[str, str, str]]:
    """Each problem's JSON path, the person it is about (a seller counts people from one and knows
    them by name: ``stakeholders[5]`` is "p6 吴芳"), and the problem."""
    try:
        people = parse_json(data).get("stakeholders")
    except (ValueError, AttributeError, DealFileError):
        people = None
    out = []
    for problem in exc.problems:
        who, found = "", _STAKEHOLDER_PATH.match(problem.path)
        if found and isinstance(people, list) and int(found[1]) < len(people):
            person = people[int(found[1])]
            if isinstance(person, dict):
                parts = (person.get("id"), person.get("name"))
                who = " ".join(tidy(x) for x in parts if isinstance(x, str) and not blank(x))
        out.append((problem.path, who, problem.message.get(lang)))
    return out


def _deal_summary(deal, account_name: str) -> dict:
    """What the page shows of a deal file: the account's name as it is (or will be) stored — the
    file's, or "name (2)" when the uploader has an account of that name already."""
    return {"account": account_name, "deal": deal.opportunity.name, "people": len(deal.stakeholders)}


def _keep_upload(user, token: str, data: bytes, name: str) -> None:
    path = _upload_path(user, token)
    path.write_bytes(data)
    path.with_name(path.name + ".name").write_text(name or "", encoding="utf-8")


@require_safe
def import_page(request: HttpRequest) -> HttpResponse:
    """The upload form, the template downloads and the progress area."""
    return render(request, "imports/upload.html", {"token": uuid.uuid4().hex, "max_mb": MAX_FILE_BYTES >> 20})


@require_POST
def import_preview(request: HttpRequest) -> HttpResponse:
    """Check the uploaded file: 400 for a bad file, 422 with every row problem, else the preview."""
    lang = i18n.lang()
    token = request.POST.get("token", "")
    upload = request.FILES.get("file")
    if not _TOKEN.match(token) or upload is None:
        return render(request, "imports/result.html", {"rejected": i18n.text(_NO_FILE)}, status=400)
    if upload.size > MAX_FILE_BYTES:
        return render(request, "imports/result.html", {"rejected": TOO_BIG.get(lang)}, status=400)
    data = upload.read()
    _remove_abandoned(_upload_dir())
    if looks_like_json(data):
        try:
            deal = loads_deal(data)
            problems = storage_problems(deal)  # what the database cannot hold, found before the commit
            if problems:
                raise DealFileError(problems)
        except DealFileError as exc:
            context = {"deal_problems": _deal_problems(exc, lang, data), "name": upload.name}
            return render(request, "imports/result.html", context, status=422)
        _keep_upload(request.user, token, data, upload.name)
        account_name = account_name_free(owner=request.user, name=deal.account.name)
        context = {"deal_file": _deal_summary(deal, account_name), "token": token, "name": upload.name}
        return render(request, "imports/result.html", context)
    try:
        source = Source(data, name=upload.name)
        plan = workbook_preview(source=source, owner=request.user, progress=_progress(request.user, token))
    except FileRejected as exc:
        return render(request, "imports/result.html", {"rejected": exc.reason.get(lang)}, status=400)
    if not plan.ok:
        context = {"issues": _issues(plan.issues, lang), "name": upload.name}
        return render(request, "imports/result.html", context, status=422)
    _keep_upload(request.user, token, data, upload.name)
    context = _summary(plan, lang) | {"token": token, "name": upload.name}
    return render(request, "imports/result.html", context)


@require_POST
def import_commit(request: HttpRequest) -> HttpResponse:
    """Store a previewed file in one transaction (checked again); nothing is stored on any problem."""
    lang = i18n.lang()
    token = request.POST.get("token", "")
    if not _TOKEN.match(token) or not _upload_path(request.user, token).is_file():
        return render(request, "imports/result.html", {"rejected": i18n.text(_EXPIRED)}, status=400)
    path = _upload_path(request.user, token)
    name_file = path.with_name(path.name + ".name")
    filename = name_file.read_text(encoding="utf-8") if name_file.is_file() else ""
    data = path.read_bytes()
    if looks_like_json(data):
        return _deal_file_commit(request, data, path, name_file, lang)
    try:
        plan = workbook_import(
            source=Source(data),
            owner=request.user,
            progress=_progress(request.user, token),
            filename=filename,
        )
    except FileRejected as exc:
        return render(request, "imports/result.html", {"rejected": exc.reason.get(lang)}, status=400)
    except ImportFailed as exc:
        return render(request, "imports/result.html", {"issues": _issues(exc.issues, lang)}, status=422)
    finally:
        path.unlink(missing_ok=True)
        name_file.unlink(missing_ok=True)
    return render(request, "imports/result.html", _summary(plan, lang) | {"done": True})


def _deal_file_commit(
    request: HttpRequest, data: bytes, path: Path, name_file: Path, lang: str
) -> HttpResponse:
    """Store a previewed deal file as a new deal in a new account, as `dealmap import-deal` does."""
    try:
        deal = loads_deal(data)
        stored = deal_import(deal=deal, owner=request.user)
    except DealFileError as exc:
        return render(
            request, "imports/result.html", {"deal_problems": _deal_problems(exc, lang, data)}, status=422
        )
    finally:
        path.unlink(missing_ok=True)
        name_file.unlink(missing_ok=True)
    context = {"done": True, "deal_file": _deal_summary(deal, stored.account.name), "stored": stored}
    return render(request, "imports/result.html", context)


@require_safe
def import_progress(request: HttpRequest, token: str) -> JsonResponse:
    """How far the check or the commit of the user's upload ``token`` has got (polled by the page).

    404 for a token this user has not uploaded with (another user's, or none yet).
    """
    state = cache.get(_progress_key(request.user, token))
    if state is None:
        raise Http404("No such upload.")
    phase, _, key = state["sheet"].rpartition(":")
    state["label"] = _sheet_names(i18n.lang()).get(key, "")
    state["phase"] = "commit" if phase == "commit" else "check"
    return JsonResponse(state)


def _lang(request: HttpRequest) -> str:
    lang = request.GET.get("lang")
    return lang if lang in ("zh", "en") else i18n.lang()


def _download(data: bytes, filename: str, content_type: str) -> FileResponse:
    import io

    return FileResponse(io.BytesIO(data), as_attachment=True, filename=filename, content_type=content_type)


@require_safe
def template_download(request: HttpRequest) -> FileResponse:
    lang = _lang(request)
    return _download(template_workbook(lang), f"dealmap-template-{lang}.xlsx", XLSX)


@require_safe
def deal_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    """One deal the user may see as xlsx, pptx or a deal file; 404 alike for missing and forbidden."""
    if fmt not in ("xlsx", "pptx", "json"):
        raise Http404("No such format.")
    deal = deal_get(user=request.user, pk=pk)
    lang = _lang(request)
    if fmt == "xlsx":
        return _download(workbook_bytes([deal], lang=lang), f"deal-{pk}.xlsx", XLSX)
    if fmt == "pptx":
        return _download(deck_bytes(deal, lang=lang), f"deal-{pk}-review-{lang}.pptx", PPTX)
    import json

    text = json.dumps(deal_file(deal), ensure_ascii=False, indent=2) + "\n"
    return _download(text.encode(), f"deal-{pk}.json", "application/json")


@require_safe
def portfolio_export(request: HttpRequest) -> HttpResponse:
    """Every account and deal the user may see, in one workbook."""
    deals = deals_for_export(user=request.user)
    accounts = accounts_for_export(user=request.user)
    data = workbook_bytes(deals, lang=_lang(request), accounts=accounts)
    return _download(data, "dealmap-portfolio.xlsx", XLSX)


_NO_FILE = {"zh": "请选择要上传的文件", "en": "choose a file to upload"}
_EXPIRED = {"zh": "预览已过期，请重新上传", "en": "the preview has expired; upload the file again"}
