-- Headless Neovim 0.7 as an independent LSP client of brandsafe-lsp (see VSCODE-TESTING.md):
-- start_client + buf_attach_client (vim.lsp.start does not exist in 0.7), open the file, wait for
-- diagnostics, ask for code actions on the expected diagnostic, apply the chosen quick fix, wait
-- for the new diagnostics, write everything as JSON to the output file and quit.
local cfg = vim.fn.json_decode(os.getenv('BRANDSAFE_NVIM_CONFIG'))
local result = { ok = false, steps = {} }

local function finish()
  local f = io.open(cfg.output, 'w')
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd('qall!')
end

local function step(name) table.insert(result.steps, name) end

local function plain(diags)
  local out = {}
  for _, d in ipairs(diags) do
    table.insert(out, {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      message = d.message, source = d.source, code = d.code, severity = d.severity,
    })
  end
  return out
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(cfg.file))
  local buf = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = 'brandsafe',
    cmd = cfg.cmd,
    root_dir = cfg.root,
    workspace_folders = { { uri = vim.uri_from_fname(cfg.root), name = 'root' } },
    settings = { brandsafe = { enable = true } },
  })
  if not vim.lsp.buf_attach_client(buf, client_id) then error('could not attach the client') end
  step('attached')

  local has_expected = function()
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.code == cfg.expect_code then return true end
    end
    return false
  end
  if not vim.wait(cfg.timeout_ms, has_expected, 20) then
    result.before = plain(vim.diagnostic.get(buf))
    error('timed out waiting for ' .. cfg.expect_code)
  end
  local before = vim.diagnostic.get(buf)
  result.before = plain(before)
  step('diagnostics')

  local target
  for _, d in ipairs(before) do if d.code == cfg.expect_code then target = d break end end
  -- 0.7 keeps only code/codeDescription in user_data.lsp, so rebuild the LSP diagnostic from the
  -- vim one (ASCII text: byte columns equal UTF-16 columns; vim severities equal LSP severities).
  local lsp_diag = target.user_data and target.user_data.lsp or nil
  if not (lsp_diag and lsp_diag.range) then
    lsp_diag = {
      range = { start = { line = target.lnum, character = target.col }, ['end'] = { line = target.end_lnum, character = target.end_col } },
      message = target.message, code = target.code, source = target.source, severity = target.severity,
    }
  end
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = lsp_diag.range,
    context = { diagnostics = { lsp_diag } },
  }
  local responses = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, cfg.timeout_ms)
  local actions = {}
  for _, r in pairs(responses or {}) do
    for _, a in ipairs(r.result or {}) do table.insert(actions, a) end
  end
  result.actions = {}
  for _, a in ipairs(actions) do table.insert(result.actions, a.title) end
  step('code actions')

  local chosen
  for _, a in ipairs(actions) do
    if a.title:find(cfg.fix_title, 1, true) then chosen = a break end
  end
  if not chosen then error('no code action titled like "' .. cfg.fix_title .. '"') end
  result.applied = chosen.title
  local tick = vim.api.nvim_buf_get_changedtick(buf)
  vim.lsp.util.apply_workspace_edit(chosen.edit, 'utf-16')
  step('applied')

  local fixed = function()
    if vim.api.nvim_buf_get_changedtick(buf) == tick then return false end
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.code == cfg.expect_code and d.lnum == target.lnum and d.message == target.message then return false end
    end
    return true
  end
  result.fixed = vim.wait(cfg.timeout_ms, fixed, 20)
  result.after = plain(vim.diagnostic.get(buf))
  result.text = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
  step('rechecked')
  result.ok = true
end)
if not ok then result.error = tostring(err) end
finish()
