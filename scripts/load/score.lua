-- wrk script for the scoring POST (scripts/load.sh). Each line of the data file is one of the
-- signed-in judges' assignments: cookie, antiforgery token, path, score version, form fields.
-- Lines are shared out between wrk's threads and taken in turn, so no two requests in flight save
-- the same score; each request sends the version the previous save of that score left, which is
-- what a judge's page would hold. load.sh counts the saves that went through from the database.

local threads = {}
local counter = 0

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  rows = {}
  local path = args[1]
  local total = tonumber(args[2])
  local index = 0
  for line in io.lines(path) do
    if index % total == id then
      local cookie, token, target, version, fields = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t([^\t]*)\t([^\t]*)$")
      table.insert(rows, { cookie = cookie, token = token, path = target, version = tonumber(version), fields = fields })
    end
    index = index + 1
  end
  next_row = 1
end

function request()
  local row = rows[next_row]
  next_row = next_row % #rows + 1
  local body = "version=" .. row.version .. "&" .. row.fields .. "&action=submit-next&__RequestVerificationToken=" .. row.token
  row.version = row.version + 1
  return wrk.format("POST", row.path, {
    ["Cookie"] = row.cookie,
    ["Content-Type"] = "application/x-www-form-urlencoded",
  }, body)
end
