-- wrk script for bench/sections/auth.sh: every request is a JSON login (POST /auth/login)
-- with the e-mail and password in the environment (BENCH_LOGIN_EMAIL, BENCH_LOGIN_PASSWORD).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = string.format('{"email":"%s","password":"%s"}', os.getenv("BENCH_LOGIN_EMAIL"), os.getenv("BENCH_LOGIN_PASSWORD"))
