#!/usr/bin/env bash
# Prints a few demo logins per role from the logins CSV that `tabel setup demo --logins` wrote.
set -euo pipefail
file=${1:?logins CSV}
listen=${2:-127.0.0.1:8080}
echo
echo "Демонстрационная школа: http://${listen}/"
echo "Вход (логин / пароль):"
for role in administrator director deputy teacher psychologist secretary student guardian; do
  # Students and class teachers from grade 5 up (grade 1 has no marks to show); subject teachers too.
  awk -F, -v role="$role" 'NR > 1 && $3 == role && ((role != "student" && role != "teacher") || $6 ~ /^([5-9]|1[01])/ || (role == "teacher" && $6 == "")) && n < 2 { printf "  %-14s %-22s %-12s %s %s\n", role, $1, $2, $5, ($6 != "" ? "(" $6 ")" : ""); n++ }' "$file"
done
echo
