[ "# not a comment" "/* nor this */" ''# still a string'' ]
