/*
 * Test: CART-009 "Upsell recommendations" (legacy agency code, never reviewed).
 * Violations: document.write, eval of a server response, synchronous XHR to a third party,
 * a cookie write, jQuery AJAX, and an alert.
 */
var xhr = new XMLHttpRequest();
xhr.open('GET', 'https://recs.partner-widgets.example/v1/upsell?cart=1', false);
xhr.send();
var recs = eval('(' + xhr.responseText + ')');

document.write('<div class="exp-upsell">' + recs.html + '</div>');
document.cookie = 'exp_upsell_seen=1; path=/';

$.ajax({ url: '/api/cart/recommendations', method: 'GET' });

if (!recs.items.length) {
  alert('No recommendations for you today');
}
