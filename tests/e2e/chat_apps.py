"""The chat-app fixtures (tests/fixtures/chat-apps/, issue 15) and the lines the reading tests send.

Each app is served under its real host name; `box` is where the child types. The two lines are ones the
current rules catch only when the page is read as a person sees it: "sam" glued onto "r u" (as
textContent reads a name drawn in its own element) or an emoji drawn as an <img> and dropped.
Twitch and Roblox draw emoji as text, and Twitch draws its own ": " after the name: there the lines
pass on the old reading too, and show the new one keeps them."""

APPS = {
    "discord": "https://discord.com/chat-apps/discord.html",
    "whatsapp": "https://web.whatsapp.com/chat-apps/whatsapp.html",
    "twitch": "https://www.twitch.tv/chat-apps/twitch.html",
    "telegram": "https://web.telegram.org/chat-apps/telegram.html",
    "instagram": "https://www.instagram.com/chat-apps/instagram.html",
    "roblox": "https://www.roblox.com/chat-apps/roblox.html",
}
BOX = "#box"
ELSEWHERE = "/chat-apps/elsewhere"  # another conversation in the same app, for the second line

NAMED = "r u home alone rn"  # -> scared, but "samr u home alone rn" -> nothing
EMOJI = "can u send a 📸"  # -> wants-pictures, but "can u send a" -> nothing
