-- Headless round trip: open an article, wait for an `undated-claim` diagnostic, hover once.
-- Run: DATELINE_BIN=... DATELINE_ARTICLE=... nvim --headless -u NONE -i NONE
--        --cmd "set rtp^=editors/nvim" -l / -c "luafile editors/nvim/test/roundtrip.lua"
local function finish(ok, message)
  io.stdout:write((ok and "nvim: ok: " or "nvim: FAIL: ") .. message .. "\n")
  vim.cmd(ok and "qall!" or "cquit! 1")
end

local ok_run, err = pcall(function()
  local bin = assert(os.getenv("DATELINE_BIN"), "DATELINE_BIN is not set")
  local article = assert(os.getenv("DATELINE_ARTICLE"), "DATELINE_ARTICLE is not set")
  local needle = os.getenv("DATELINE_HOVER_AT") or "Aliaksandr Lukashenka"

  vim.cmd("filetype on")
  require("dateline").setup({ cmd = { bin, "lsp" } })
  vim.cmd("edit " .. vim.fn.fnameescape(article))
  local buf = vim.api.nvim_get_current_buf()
  assert(vim.bo[buf].filetype == "article", "filetype is " .. vim.bo[buf].filetype)

  local function code_of(d)
    return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
  end
  local found
  vim.wait(20000, function()
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if code_of(d) == "undated-claim" then
        found = d
        return true
      end
    end
    return false
  end, 100)
  if not found then
    local codes = {}
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      table.insert(codes, tostring(code_of(d)))
    end
    error("no undated-claim diagnostic; got: " .. table.concat(codes, ", "))
  end
  io.stdout:write(("nvim: undated-claim at line %d: %s\n"):format(found.lnum + 1, found.message))

  -- Hover over the first occurrence of the needle in the body.
  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  local row, col
  for i, line in ipairs(lines) do
    local at = line:find(needle, 1, true)
    if at and i > 1 then
      row, col = i - 1, at -- col: inside the word (0-based byte at+0 is its 2nd char)
      break
    end
  end
  assert(row, "needle not found: " .. needle)
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    position = { line = row, character = col },
  }
  -- Retried: the first answers may come before the workspace (and its registry) is indexed.
  local text
  vim.wait(15000, function()
    local responses = vim.lsp.buf_request_sync(buf, "textDocument/hover", params, 5000) or {}
    for _, response in pairs(responses) do
      local contents = response.result and response.result.contents
      if contents then
        text = type(contents) == "table" and (contents.value or vim.inspect(contents)) or tostring(contents)
      end
    end
    return text ~= nil and #text > 0
  end, 250)
  assert(text and #text > 0, "empty hover at " .. needle)
  io.stdout:write("nvim: hover: " .. text:gsub("\n", " "):sub(1, 160) .. "\n")
end)

if ok_run then
  finish(true, "diagnostics and hover")
else
  finish(false, tostring(err))
end
