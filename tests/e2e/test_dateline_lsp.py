"""dateline's language server driven by pytest-lsp, a third-party client that checks every
message against the protocol's types, with the capabilities of real editors."""

import asyncio
import pathlib

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from conftest import SERVER, scratch_corpus

CORPUS = scratch_corpus()
S002 = CORPUS / "002_4c3a09d4f9057a5e.article"
S004 = CORPUS / "004_d6eac129bc59381f.article"


ENCODING = {"encoding": "utf-16"}


def position_of(path: pathlib.Path, needle: str) -> types.Position:
    """The position of the first occurrence of needle in a file, with columns counted in
    the encoding the server chose."""
    text = path.read_text(encoding="utf-8")
    offset = text.index(needle)
    before = text[:offset]
    line = before.count("\n")
    column_text = before[before.rfind("\n") + 1 :]
    encoding = ENCODING["encoding"]
    if encoding == "utf-8":
        character = len(column_text.encode("utf-8"))
    elif encoding == "utf-32":
        character = len(column_text)
    else:
        character = len(column_text.encode("utf-16-le")) // 2
    return types.Position(line=line, character=character)


async def start(client: LanguageClient, editor: str) -> types.InitializeResult:
    """Initialises as the given editor would and waits for the corpus to be indexed."""
    result = await client.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities(editor),
            workspace_folders=[types.WorkspaceFolder(uri=CORPUS.as_uri(), name="seeds")],
            root_uri=CORPUS.as_uri(),
        )
    )
    ENCODING["encoding"] = result.capabilities.position_encoding or "utf-16"
    for _ in range(600):
        ended = any(
            isinstance(report, types.WorkDoneProgressEnd)
            for reports in client.progress_reports.values()
            for report in reports
        )
        if ended:
            break
        await asyncio.sleep(0.05)
    else:
        raise AssertionError(f"indexing never ended: {client.progress_reports}")
    return result


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[SERVER, "lsp", "--stdio"]))
async def client(lsp_client: LanguageClient):
    # The server registers file watchers with clients that support it, as editors do.
    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register_capability(params: types.RegistrationParams) -> None:
        lsp_client.registrations = getattr(lsp_client, "registrations", []) + list(params.registrations)

    yield
    await lsp_client.shutdown_session()


def open_document(client: LanguageClient, path: pathlib.Path) -> None:
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=path.as_uri(),
                language_id="article",
                version=1,
                text=path.read_text(encoding="utf-8"),
            )
        )
    )


@pytest.mark.asyncio
async def test_vscode_sees_pushed_or_pulled_undated_claims(client: LanguageClient):
    await start(client, "visual-studio-code")
    open_document(client, S004)
    report = await client.text_document_diagnostic_async(
        types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=S004.as_uri()))
    )
    codes = [item.code for item in report.items]
    # VS Code supports dynamic registration of file watchers: the server registered its own.
    methods = [r.method for r in getattr(client, "registrations", [])]
    assert "workspace/didChangeWatchedFiles" in methods
    assert "undated-claim" in codes or "claim-dated-by-context" in codes


@pytest.mark.asyncio
async def test_neovim_hover_after_curly_quotes(client: LanguageClient):
    result = await start(client, "neovim")
    assert result.capabilities.position_encoding in ("utf-16", "utf-8")
    open_document(client, S002)
    hover = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=S002.as_uri()),
            position=position_of(S002, "Makei claimed in his comment"),
        )
    )
    assert hover is not None
    assert "Makei" in hover.contents.value


@pytest.mark.asyncio
async def test_neovim_references_reach_unopened_files(client: LanguageClient):
    await start(client, "neovim")
    open_document(client, S004)
    locations = await client.text_document_references_async(
        types.ReferenceParams(
            text_document=types.TextDocumentIdentifier(uri=S004.as_uri()),
            position=position_of(S004, "Lukashenka and his generals"),
            context=types.ReferenceContext(include_declaration=True),
        )
    )
    uris = {location.uri for location in locations}
    assert (CORPUS / "000_d3301de9df92c926.article").as_uri() in uris
    assert (CORPUS / "actors.toml").as_uri() in uris


@pytest.mark.asyncio
async def test_emacs_definition_of_a_mention_is_its_registry_entry(client: LanguageClient):
    await start(client, "emacs")
    open_document(client, S004)
    result = await client.text_document_definition_async(
        types.DefinitionParams(
            text_document=types.TextDocumentIdentifier(uri=S004.as_uri()),
            position=position_of(S004, "Lukashenko said"),
        )
    )
    assert result and result[0].uri == (CORPUS / "actors.toml").as_uri()
