-- dateline for Neovim: filetype detection for *.article and the dateline language server.
-- Works with Neovim 0.11+ (vim.lsp.config / vim.lsp.enable), 0.8-0.10 (vim.lsp.start)
-- and 0.7 (vim.lsp.start_client), so Debian stable's neovim is covered too.
--
--   require("dateline").setup({
--     cmd = { "dateline", "lsp" },              -- or an absolute path to the binary
--     settings = { dateline = { dateScope = "paragraph", extraCues = { "alleged" } } },
--   })
local M = {}

M.root_markers = { "actors.toml", "dateline.toml", ".git" }

local defaults = {
  cmd = { "dateline", "lsp" },
  filetypes = { "article" },
  -- Sent through workspace/configuration; keys as in the server's `dateline` section.
  settings = { dateline = vim.empty_dict and vim.empty_dict() or {} },
}

local function exists(path)
  return (vim.uv or vim.loop).fs_stat(path) ~= nil
end

--- The nearest ancestor of `path` holding a root marker, else the file's directory.
function M.root_dir(path)
  local dir = vim.fn.fnamemodify(path, ":p:h")
  local current = dir
  while true do
    for _, marker in ipairs(M.root_markers) do
      if exists(current .. "/" .. marker) then
        return current
      end
    end
    local parent = vim.fn.fnamemodify(current, ":h")
    if parent == current then
      return dir
    end
    current = parent
  end
end

local function detect_filetype()
  -- 0.7 has vim.filetype.add but only uses it with g:do_filetype_lua, so it gets an autocmd.
  if vim.fn.has("nvim-0.8") == 1 and vim.filetype and vim.filetype.add then
    vim.filetype.add({ extension = { article = "article" } })
  else
    vim.cmd([[
      augroup dateline_filetype
        autocmd!
        autocmd BufRead,BufNewFile *.article setfiletype article
      augroup END
    ]])
  end
end

function M.setup(opts)
  local config = vim.tbl_deep_extend("force", defaults, opts or {})
  detect_filetype()

  if vim.fn.executable(config.cmd[1]) ~= 1 then
    vim.notify(
      ("dateline: %q not found; install dateline or pass cmd = { '/path/to/dateline', 'lsp' }"):format(config.cmd[1]),
      vim.log.levels.WARN
    )
    return
  end

  if vim.lsp.config and vim.lsp.enable then
    vim.lsp.config("dateline", {
      cmd = config.cmd,
      filetypes = config.filetypes,
      root_markers = M.root_markers,
      settings = config.settings,
    })
    vim.lsp.enable("dateline")
    return
  end

  local group = vim.api.nvim_create_augroup("dateline", { clear = true })
  local clients = {} -- root → client id (0.7 has no vim.lsp.start to reuse clients)
  vim.api.nvim_create_autocmd("FileType", {
    group = group,
    pattern = config.filetypes,
    callback = function(args)
      local root = M.root_dir(vim.api.nvim_buf_get_name(args.buf))
      local client_config = {
        name = "dateline",
        cmd = config.cmd,
        root_dir = root,
        workspace_folders = { { uri = vim.uri_from_fname(root), name = vim.fn.fnamemodify(root, ":t") } },
        settings = config.settings,
      }
      if vim.lsp.start then
        vim.lsp.start(client_config, { bufnr = args.buf })
        return
      end
      local id = clients[root]
      if not id or not vim.lsp.get_client_by_id(id) then
        id = vim.lsp.start_client(client_config)
        clients[root] = id
      end
      if id then
        vim.lsp.buf_attach_client(args.buf, id)
      end
    end,
  })
end

return M
