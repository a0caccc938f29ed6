-- Plain GETs (headers such as a session cookie come with wrk -H); only the report is added.
dofile(debug.getinfo(1, "S").source:match("^@(.*/)") .. "report.lua")
