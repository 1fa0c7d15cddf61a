"""The button keeps the page's own controls reachable, in both browsers: nearly every chat app has its
Send, emoji or call buttons in the corner Buoy's button goes to, so the button moves up the page's
edge, past them, and back down when they go. Where it is drawn is proven from the screen's pixels
(button_drawn_in_corner: in its corner column, over no control, and moved only when the page has
one in the corner), and a real click on the app's Send button must reach the app."""

from harness.hostile import BUTTON_POINTS, BUTTON_SETTLED, CONTROLS_UNDER, expected_box
from harness.waiting import wait_for

CHAT = "https://discord.com/channels/clear"  # tests/fixtures/chat.html: its Send button sits in the corner
WHATSAPP = "https://web.whatsapp.com/chat-apps/whatsapp.html"  # Send at the right end of the composer


def drawn_clear(buoy, tab):
    return wait_for(lambda: buoy.button_drawn_in_corner(tab), message="button drawn clear of the page's controls")


def test_the_apps_send_button_stays_reachable(buoy):
    tab = buoy.open(WHATSAPP)
    buoy.wait_for_button(tab)
    box = drawn_clear(buoy, tab)
    assert box["y"] < expected_box(buoy.viewport(tab))["y"], "it moved up, off the Send button"
    send = buoy.run(tab, "(r => ({ x: r.x + r.width / 2, y: r.y + r.height / 2 }))(document.getElementById('send').getBoundingClientRect())")
    buoy.run(tab, "document.getElementById('send').addEventListener('click', () => { window.sent = true; })")
    buoy.click(tab, send["x"], send["y"])
    assert buoy.run(tab, "window.sent === true"), "the click on Send reached the app"
    assert buoy.panel(tab) is None


def test_it_follows_the_pages_controls_as_they_come_and_go(buoy):
    tab = buoy.open(CHAT)
    buoy.wait_for_button(tab)
    home = expected_box(buoy.viewport(tab))
    lifted = drawn_clear(buoy, tab)
    assert lifted["y"] < home["y"]

    # The app takes its composer away (another screen, which the child pressed their way to): the
    # button goes back to its corner...
    buoy.run(tab, "document.getElementById('form').style.display = 'none'")
    buoy.click_in(tab, "header")  # a real click on the chat, as a child moving around the app does
    assert wait_for(lambda: (box := buoy.button_drawn_in_corner(tab)) and abs(box["y"] - home["y"]) < 2 and box,  # to the pixel
                    message="back in its corner")
    # ...and when the composer comes back, without a reload, it moves clear of it again.
    buoy.run(tab, "document.getElementById('form').style.display = ''")
    buoy.click_in(tab, "header")  # a real click on the chat, as a child moving around the app does
    assert drawn_clear(buoy, tab)["y"] < home["y"]
    assert buoy.call(tab, CONTROLS_UNDER, buoy.button_box(tab), BUTTON_POINTS) == []

    # Still the real button: a real click on it opens the help.
    buoy.click_button(tab)
    assert "Childline" in buoy.panel_text(tab)


def test_a_control_filling_the_edge_leaves_it_in_its_corner(buoy):
    # A link as tall as the page along the right edge (a sidebar of friends): there is nowhere clear
    # within reach, so the button stays where the child expects it.
    tab = buoy.open(CHAT)
    buoy.wait_for_button(tab)
    buoy.run(tab, """document.getElementById('form').style.display = 'none';
      const side = Object.assign(document.createElement('a'), { href: '#friends', id: 'friends', textContent: 'friends' });
      side.style.cssText = 'position: fixed; top: 0; right: 0; bottom: 0; width: 120px; background: #eee';
      document.body.append(side);""")
    home = expected_box(buoy.viewport(tab))
    buoy.click_in(tab, "header")  # a real click on the chat, as a child moving around the app does
    buoy.run(tab, BUTTON_SETTLED)  # it has looked again since the press
    assert buoy.button_box(tab) == home
