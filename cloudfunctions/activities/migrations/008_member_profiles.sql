-- A member's facts come with the profile staff issue: the sector (界别) here, the studio as the
-- profile's site. Binding the profile writes them into member_facts (006), where sector audiences,
-- the duty lists and the studios read them.
ALTER TABLE profiles ADD COLUMN sector text;
