-- wrk script of the anonymous catalog phases: one GET per request, no token.
-- Arguments (after "--"): mode ("availability" or "search"), listings file, cities file, from, to.
--   availability: GET /listings/{id}/availability?from=&to= (default page size), round robin over the listings;
--   search:       GET /listings?city=&from=&to=, round robin over the cities.
local mode, listings, cities, from, to = nil, {}, {}, nil, nil
local counter = 0

function init(args)
  mode = args[1]
  for line in io.lines(args[2]) do listings[#listings + 1] = line end
  for line in io.lines(args[3]) do cities[#cities + 1] = line end
  from, to = args[4], args[5]
end

function request()
  counter = counter + 1
  if mode == "availability" then
    return wrk.format("GET", string.format("/listings/%s/availability?from=%s&to=%s",
      listings[counter % #listings + 1], from, to))
  end
  return wrk.format("GET", string.format("/listings?city=%s&from=%s&to=%s", cities[counter % #cities + 1], from, to))
end
