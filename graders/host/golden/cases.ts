/**
 * Golden cases: command lines whose output a candidate reads every day in
 * pipelines, run once on a real Debian 12 box (scripts/golden/record.ts) and
 * replayed on the simulated host (replay.test.ts). Both sides get the same
 * files in the working directory, so the outputs must match byte for byte:
 * the same padding in `uniq -c` and `wc`, the same sort order, the same
 * error texts.
 */

export interface GoldenFiles {
  [name: string]: string;
}

function accessLog(): string {
  const ips = ["10.0.1.5", "203.0.113.7", "10.0.1.5", "198.51.100.23", "10.0.1.5", "203.0.113.7", "192.0.2.44"];
  const paths = ["/health", "/api/orders", "/api/orders/17", "/login", "/static/app.js", "/api/cart"];
  const statuses = [200, 200, 200, 404, 500, 200, 302, 200, 503];
  let out = "";
  for (let i = 0; i < 60; i++) {
    const ip = ips[(i * 5) % ips.length] as string;
    const path = paths[(i * 7) % paths.length] as string;
    const status = statuses[(i * 11) % statuses.length] as number;
    const bytes = status === 200 ? 200 + ((i * 37) % 900) : 150 + (i % 7);
    const sec = String(i % 60).padStart(2, "0");
    out += `${ip} - - [25/Nov/2026:09:${String(10 + Math.floor(i / 60)).padStart(2, "0")}:${sec} +0000] "GET ${path} HTTP/1.1" ${status} ${bytes} "-" "curl/7.88.1"\n`;
  }
  return out;
}

function appLog(): string {
  const levels = ["INFO", "INFO", "WARN", "INFO", "ERROR", "INFO", "DEBUG", "ERROR"];
  let out = "";
  for (let i = 0; i < 40; i++) {
    const level = levels[i % levels.length] as string;
    const ms = 3 + ((i * 53) % 400);
    out += `2026-11-25T09:1${i % 10}:0${i % 6}Z ${level.padEnd(5)} request id=${1000 + i} status=${level === "ERROR" ? 500 : 200} took=${ms}ms\n`;
  }
  return out;
}

export const GOLDEN_FILES: GoldenFiles = {
  "access.log": accessLog(),
  "app.log": appLog(),
  "nums.txt": "10\n9\n100\n2\n33\n2\n-1\n7.5\n",
  "sizes.txt": "1.5G\n200M\n12K\n3.1G\n900M\n4.0K\n",
  "users.txt": "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\nadmin:x:1000:1000:Debian:/home/admin:/bin/bash\napp:x:102:108::/nonexistent:/usr/sbin/nologin\ndeploy:x:1001:1001:,,,:/home/deploy:/bin/bash\n",
  "mixed.txt": "banana\nApple\ncherry\napple\n  spaced  out  \nBanana\n\ncherry\n",
  "crlf.txt": "line one\r\nline two\r\n",
  "table.txt": "NAME PID CPU\nnginx 812 0.3\napp-server 1440 97.5\ncron 611 0.0\n",
};

/** Lines typed in the directory holding GOLDEN_FILES. */
export const GOLDEN_LINES: string[] = [
  "wc -l access.log",
  "wc access.log app.log",
  "wc -c nums.txt",
  "cat access.log | wc -l",
  "wc -w < app.log",
  "sort nums.txt",
  "sort -n nums.txt",
  "sort -rn nums.txt | head -3",
  "sort -h sizes.txt",
  "sort -u mixed.txt",
  "sort -f mixed.txt",
  "sort -t: -k3 -n users.txt | cut -d: -f1",
  "sort -k3 -rn table.txt",
  "sort -t: -k7,7 -k1,1 users.txt",
  "sort -u -t: -k7,7 users.txt",
  "sort -c nums.txt",
  "sort -b -k2 mixed.txt | head -3",
  "ls | sort -r | head -3",
  "ls *.txt",
  "echo *.log",
  "cat /dev/null; echo $?",
  "sort nums.txt | uniq -c",
  "sort nums.txt | uniq -d",
  "awk '{print $9}' access.log | sort | uniq -c | sort -rn",
  "awk '{print $1}' access.log | sort | uniq -c | sort -rn | head -3",
  "cut -d' ' -f1 access.log | sort -u",
  "cut -d: -f1,7 users.txt",
  "cut -c1-10 app.log | head -4",
  "awk -F: '$3 >= 1000 {print $1}' users.txt",
  "awk '{s+=$10} END {print s}' access.log",
  "awk '$9 >= 500 {n++} END {print n, NR, n/NR}' access.log",
  "awk '{printf \"%-12s %6d\\n\", $1, $10}' access.log | head -5",
  "awk 'NR==2,NR==4' app.log",
  "grep -c ' 500 ' access.log",
  "grep -n ERROR app.log | head -5",
  "grep -v INFO app.log | head -4",
  "grep -E 'WARN|ERROR' app.log | tail -3",
  "grep -o 'status=[0-9]*' app.log | sort | uniq -c",
  "grep -i error app.log | wc -l",
  "grep -l ERROR access.log app.log",
  "grep -H took=3 app.log",
  "grep -w 10.0.1.5 access.log | head -2",
  "grep -A1 -m1 WARN app.log",
  "grep -B2 -m1 ERROR app.log",
  "grep nothing-here app.log; echo $?",
  // Several -e patterns (and -f) form one list, with -i/-v/-c/-w/-x/-F/-E applied to all of them.
  "grep -i -e error -e warn app.log | head -5",
  "grep -c -e ERROR -e WARN app.log",
  "grep -e ERROR -e WARN -n app.log | tail -3",
  "grep -ie error -e debug app.log | wc -l",
  "grep -v -e INFO -e DEBUG app.log | head -3",
  "grep -w -e 10.0.1.5 -e 192.0.2.44 access.log | wc -l",
  "grep -x -e banana -e cherry mixed.txt",
  "grep -F -e 'x:1' -e '[' users.txt",
  "grep -E -e 'WARN|DEBUG' -e 'id=100[0-3]' app.log",
  "grep -E 'WARN|DEBUG' -e ERROR -c app.log",
  "printf 'WARN\\n' > pats; grep -f pats -e DEBUG app.log | head -3",
  "grep -o -e 'status=500' -e 'took=3[0-9]*ms' app.log | sort | uniq -c",
  "grep -c -e nomatch -e alsonot app.log; echo $?",
  "grep --count --regexp WARN --regexp=DEBUG app.log",
  "grep --color=never -n WARN app.log | head -2",
  "grep -nA1 -e WARN -m1 app.log",
  "grep -1 -m1 ERROR app.log",
  "grep -Hc ERROR app.log",
  "cat app.log | grep -H -m1 WARN",
  "grep -e",
  // -r names files as GNU's walk does: "./x" under ".", "x" with no operand, trailing slashes dropped.
  "grep -rn 'id=1004 ' .",
  "grep -rl ERROR .",
  "grep -r --include='*.log' 'id=1004 ' .",
  "mkdir -p sub; cp app.log sub/; grep -rc 'id=1004 ' sub/",
  "mkdir -p sub; cp app.log sub/; cd sub; grep -rn 'id=1004 '",
  "mkdir -p sub; cp app.log sub/; grep -rl --exclude-dir=sub ERROR .",
  "grep -r 'id=1004 ' app.log",
  "grep -s x nope.txt; echo $?",
  "head -n 3 app.log",
  "head -c 30 app.log",
  "tail -n 2 app.log",
  "tail -n +39 app.log",
  "tail -c 25 app.log",
  "tr a-z A-Z < mixed.txt",
  "tr -s ' ' < mixed.txt",
  "sed -n '2,4p' app.log",
  "sed 's/INFO/info/g' app.log | head -3",
  "sed -n '/ERROR/p' app.log | head -2",
  "sed -e '1d' -e 's/ \\+/ /g' table.txt",
  "cat -n table.txt",
  "cat -A crlf.txt",
  "column -t table.txt",
  "nl users.txt",
  "tac table.txt",
  "seq 1 5 | xargs",
  "seq 1 6 | xargs -n2 echo",
  "printf '%s\\n' a b c | xargs -I{} echo item-{}",
  "printf '%05.1f|%-6s|%x\\n' 3.14159 ab 255",
  "echo $((7 / 2)) $((7 % 3)) $((2 ** 10))",
  "uniq -c mixed.txt",
  "sort mixed.txt | uniq -ci",
  "paste -d, nums.txt sizes.txt",
  "expand -t4 table.txt | head -2",
  "md5sum nums.txt",
  "sha256sum users.txt",
  "basename /var/log/app/app.log .log; dirname /var/log/app/app.log",
  "cat nope.txt",
  "head nope.txt",
  "wc -l nope.txt",
  "grep x nope.txt",
  "sort nope.txt",
  "cut -d: users.txt",
  "ls nope.txt",
  "tail -n x app.log",
];
