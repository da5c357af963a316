<?xml version="1.0" encoding="UTF-8"?>
<!-- The dark variant of help-html.xsl: yelp-xsl derives all its colours from the text and
     background colours (as Yelp does for its dark style). build-html.sh puts the stylesheet it
     makes into the light one, under @media (prefers-color-scheme: dark): WebKit follows
     libadwaita's dark style there. The background is libadwaita's dark view background. -->
<xsl:stylesheet xmlns:xsl="http://www.w3.org/1999/XSL/Transform" version="1.0">
  <xsl:include href="help-html.xsl"/>
  <xsl:param name="color.fg" select="'#ffffff'"/>
  <xsl:param name="color.bg" select="'#1e1e1e'"/>
  <!-- The one colour yelp-xsl does not derive: its footer's light grey. -->
  <xsl:template name="html.css.custom">
    <xsl:text>footer { background: </xsl:text>
    <xsl:value-of select="$color.bg.gray"/>
    <xsl:text>; }&#10;</xsl:text>
  </xsl:template>
</xsl:stylesheet>
