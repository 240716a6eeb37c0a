[ 9223372036854775807 ./config ~/x /etc/nixos "\q" 1.5e3 .5 ]
