x: [ "${x}" "a${x}" "${x}b" "a${x}b${x}c" "${x}${x}" "${"nested ${x}"}" "${toString 1}" ]
